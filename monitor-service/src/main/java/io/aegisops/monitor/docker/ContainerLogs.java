package io.aegisops.monitor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Frame;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the last lines a container wrote, as evidence for its alert. Exists to keep the read bounded (line
 * count, line length, bytes, time) and to turn every failure into an evidence note: a container removed
 * right after it died must still produce its alert, just without logs.
 */
public class ContainerLogs {

    private static final Logger LOG = Logger.getLogger(ContainerLogs.class);

    /** A runaway line (a JSON blob, a base64 dump) must not bloat the alert or the Kafka event. */
    static final int MAX_LINE_CHARS = 1000;

    private static final int MAX_BYTES = 256 * 1024;

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    /** How the single line returned instead of logs starts, so callers can tell a note from what was written. */
    public static final String UNAVAILABLE = "(container logs unavailable: ";

    private final DockerClient docker;

    public ContainerLogs(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * The last {@code lines} lines of stdout and stderr, oldest first; on failure a single line saying why.
     */
    public List<String> tail(String containerId, int lines) {
        if (lines <= 0) {
            return List.of();
        }
        Collector collector = new Collector();
        try {
            docker.logContainerCmd(containerId)
                    .withStdOut(true)
                    .withStdErr(true)
                    .withTimestamps(false)
                    .withFollowStream(false)
                    .withTail(lines)
                    .exec(collector);
            if (!collector.await(READ_TIMEOUT)) {
                return List.of(UNAVAILABLE + "no answer within " + READ_TIMEOUT.toSeconds() + "s)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(UNAVAILABLE + "interrupted)");
        } catch (RuntimeException e) {
            return unavailable(containerId, e);
        } finally {
            collector.close();
        }
        if (collector.error() != null) {
            return unavailable(containerId, collector.error());
        }
        return lastLines(collector.text(), lines);
    }

    private static List<String> unavailable(String containerId, Throwable error) {
        LOG.debugf(error, "Could not read the logs of container %s", containerId);
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : firstLine(error.getMessage());
        return List.of(UNAVAILABLE + truncate(message) + ")");
    }

    /** Splits on newlines, drops the trailing empty line and carriage returns, keeps the last {@code max}. */
    static List<String> lastLines(String text, int max) {
        if (text.isEmpty()) {
            return List.of();
        }
        String[] split = text.split("\n", -1);
        int end = split.length;
        if (split[end - 1].isEmpty()) {
            end--;
        }
        List<String> result = new ArrayList<>();
        for (int i = Math.max(0, end - max); i < end; i++) {
            result.add(truncate(split[i].replace("\r", "")));
        }
        return List.copyOf(result);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }

    private static String truncate(String line) {
        return line.length() <= MAX_LINE_CHARS ? line : line.substring(0, MAX_LINE_CHARS) + "…";
    }

    /** Gathers raw frame bytes before decoding, so a UTF-8 character split across two frames stays intact. */
    private static final class Collector extends ReadCallback<Frame> {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void onNext(Frame frame) {
            byte[] payload = frame.getPayload();
            synchronized (bytes) {
                if (payload != null && bytes.size() < MAX_BYTES) {
                    bytes.write(payload, 0, Math.min(payload.length, MAX_BYTES - bytes.size()));
                }
            }
        }

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
