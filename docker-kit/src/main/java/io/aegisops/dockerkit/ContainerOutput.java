package io.aegisops.dockerkit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What a container wrote (stdout and stderr, as one text). Exists for the containers the tests run themselves: the
 * Docker socket proxy (its request log, shown when an assertion about it fails) and the throw-away clients whose
 * output is the test's result. monitor-service reads evidence through its own {@code ContainerLogs}, which also
 * reports why logs were unavailable.
 */
public final class ContainerOutput {

    private ContainerOutput() {
    }

    /** The last {@code tail} lines, or what arrived within {@code timeout}; never follows the stream. */
    public static String of(DockerClient docker, String containerId, int tail, Duration timeout) {
        StringBuilder text = new StringBuilder();
        try {
            docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(tail)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            synchronized (text) {
                                text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                            }
                        }
                    }).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (text) {
            return text.toString();
        }
    }
}
