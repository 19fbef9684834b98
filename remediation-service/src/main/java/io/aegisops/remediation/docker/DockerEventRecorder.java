package io.aegisops.remediation.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import com.github.dockerjava.api.model.EventType;
import io.aegisops.contract.Labels;
import io.aegisops.remediation.config.RemediationConfig;
import io.aegisops.remediation.service.ContainerEvents;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Records start, kill and stop events of opted-in containers, so the policy can tell a container an operator
 * stopped on purpose from one that died. Exists because only the engine's event stream carries that difference.
 *
 * <p>Runs on its own thread and re-opens the stream with back-off when the engine goes away, resuming from the
 * newest recorded event (the engine replays its recent events; replays are recognised by their key and skipped).
 */
@ApplicationScoped
public class DockerEventRecorder {

    private static final Logger LOG = Logger.getLogger(DockerEventRecorder.class);
    static final List<String> ACTIONS = List.of("start", "kill", "stop");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final DockerEngine engine;
    private final ContainerEvents events;
    private final RemediationConfig.Docker config;

    private volatile boolean running;
    private volatile boolean connected;
    private volatile Stream current;
    private Thread supervisor;

    public DockerEventRecorder(DockerEngine engine, ContainerEvents events, RemediationConfig config) {
        this.engine = engine;
        this.events = events;
        this.config = config.docker();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.watchEvents()) {
            start();
        } else {
            LOG.warn("Docker events are not watched (aegis.remediation.docker.watch-events=false): containers an "
                    + "operator stopped cannot be told from crashed ones");
        }
    }

    public synchronized void start() {
        if (supervisor != null) {
            return;
        }
        running = true;
        supervisor = new Thread(this::supervise, "aegis-remediation-docker-events");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    @PreDestroy
    public synchronized void stop() {
        running = false;
        Stream stream = current;
        if (stream != null) {
            stream.close();
        }
        if (supervisor != null) {
            supervisor.interrupt();
            try {
                supervisor.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            supervisor = null;
        }
    }

    /** True while the engine streams events to us. */
    public boolean isConnected() {
        return connected;
    }

    private void supervise() {
        Duration backoff = MIN_BACKOFF;
        while (running) {
            Stream stream = new Stream();
            current = stream;
            String problem;
            try {
                engine.events(since(), ACTIONS, stream);
                stream.ended.await();
                problem = stream.error == null ? "the engine closed the stream" : describe(stream.error);
                if (stream.opened) {
                    backoff = MIN_BACKOFF;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                problem = describe(e);
            } finally {
                connected = false;
                stream.close();
            }
            if (!running) {
                break;
            }
            LOG.warnf("Docker event stream lost (%s); re-opening in %d ms", problem, backoff.toMillis());
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /** Engine API {@code since}: the newest recorded event (inclusive), or the configured look-back on a first start. */
    private String since() {
        long nanos;
        try {
            nanos = events.newestTimeNanos().orElseGet(() -> toNanos(Instant.now().minus(config.initialLookback())));
        } catch (RuntimeException e) {
            LOG.debugf(e, "Cannot read the newest recorded event; resuming from the look-back");
            nanos = toNanos(Instant.now().minus(config.initialLookback()));
        }
        return (nanos / NANOS_PER_SECOND) + "." + String.format("%09d", nanos % NANOS_PER_SECOND);
    }

    void handle(Event event) {
        if (event == null || event.getType() != EventType.CONTAINER) {
            return;
        }
        EventActor actor = event.getActor();
        Map<String, String> attributes = actor == null || actor.getAttributes() == null ? Map.of() : actor.getAttributes();
        String id = actor != null && actor.getId() != null ? actor.getId() : event.getId();
        String action = event.getAction() != null ? event.getAction() : event.getStatus();
        if (id == null || action == null || !ACTIONS.contains(action) || !Labels.isEnabled(attributes)) {
            return;
        }
        long time = event.getTimeNano() != null && event.getTimeNano() > 0 ? event.getTimeNano()
                : event.getTime() == null ? toNanos(Instant.now()) : event.getTime() * NANOS_PER_SECOND;
        String name = attributes.getOrDefault("name", id).replaceFirst("^/", "");
        events.record(id, name, action, time, attributes.get("signal"));
        LOG.debugf("Recorded %s of container %s", action, name);
    }

    private static long toNanos(Instant instant) {
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": "
                + root.getMessage().strip().lines().findFirst().orElse(""));
    }

    /** One connection. Written against the plain interface: the library's adapter logs every stream end at ERROR. */
    private final class Stream implements ResultCallback<Event> {
        final CountDownLatch ended = new CountDownLatch(1);
        volatile Throwable error;
        volatile boolean opened;
        private volatile Closeable response;
        private volatile boolean closed;

        @Override
        public void onStart(Closeable response) {
            this.response = response;
            if (closed) {
                closeQuietly(response);
                return;
            }
            opened = true;
            connected = true;
            LOG.infof("Recording start/kill/stop events of containers labelled %s=true", Labels.ENABLE);
        }

        @Override
        public void onNext(Event event) {
            if (closed) {
                return;
            }
            try {
                handle(event);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not record Docker event %s; continuing with the next", event);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (error == null) {
                error = throwable;
            }
            ended.countDown();
        }

        @Override
        public void onComplete() {
            ended.countDown();
        }

        @Override
        public void close() {
            closed = true;
            Closeable open = response;
            if (open != null) {
                closeQuietly(open);
            }
            ended.countDown();
        }

        private void closeQuietly(Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                LOG.tracef(e, "Closing the event stream failed");
            }
        }
    }
}
