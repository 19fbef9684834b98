package io.aegisops.monitor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.aegisops.contract.Labels;
import io.aegisops.monitor.service.AlertSink;
import io.aegisops.monitor.service.NewAlert;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Follows the engine's event stream for opted-in containers and turns crashes, OOM kills and Docker
 * HEALTHCHECK failures into alerts. Exists because these faults are only visible from the engine: a
 * process that died cannot report its own death.
 *
 * <p>The stream runs on its own supervisor thread (never the Quarkus event loop) and survives engine
 * restarts: when it ends it is re-opened with exponential back-off, asking the engine for everything since
 * the last processed event and dropping the boundary events seen twice. Nothing thrown while handling one
 * event (log reading, the alert sink) can end the stream.
 *
 * <p>Only reads from Docker (events, logs); it never changes a container.
 */
@ApplicationScoped
public class DockerEventWatcher {

    private static final Logger LOG = Logger.getLogger(DockerEventWatcher.class);

    /**
     * Actions the classifier reads; asking for only these keeps exec and attach chatter off the stream.
     * Health statuses are listed both bare and in full because engines differ in how they match them.
     */
    static final List<String> ACTIONS = List.of(
            "start", "kill", "die", "oom", "destroy",
            "health_status", "health_status: unhealthy", "health_status: healthy");

    private final DockerClient docker;
    private final AlertSink alertSink;
    private final DockerConfig config;
    private final BiFunction<String, Integer, List<String>> evidence;
    private final ContainerEventClassifier classifier;
    private final EventCursor cursor;
    private final Object handling = new Object();

    private final AtomicLong reconnects = new AtomicLong();
    private volatile boolean running;
    private volatile boolean connected;
    private volatile String lastProblem;
    private volatile EventStream current;
    private Thread supervisor;

    @Inject
    public DockerEventWatcher(DockerClient docker, AlertSink alertSink, DockerConfig config) {
        this(docker, alertSink, config, Clock.systemUTC(), new ContainerLogs(docker)::tail);
    }

    /** For tests: a fixed clock and evidence without an engine. */
    DockerEventWatcher(DockerClient docker, AlertSink alertSink, DockerConfig config, Clock clock,
                       BiFunction<String, Integer, List<String>> evidence) {
        this.docker = docker;
        this.alertSink = alertSink;
        this.config = config;
        this.evidence = evidence;
        this.classifier = new ContainerEventClassifier(config.killWindow());
        this.cursor = new EventCursor(clock.instant());
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        } else {
            LOG.info("Docker event intake is off (aegis.docker.enabled=false)");
        }
    }

    /** Stops before the Docker client is disposed, so shutdown is not mistaken for an engine outage. */
    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /** Opens the stream on a background thread; idempotent. */
    public synchronized void start() {
        if (supervisor != null) {
            return;
        }
        Backoff backoff = new Backoff(config.reconnectBackoff().min(), config.reconnectBackoff().max());
        running = true;
        supervisor = new Thread(() -> supervise(backoff), "aegis-docker-events");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    @PreDestroy
    public synchronized void stop() {
        running = false;
        EventStream stream = current;
        if (stream != null) {
            stream.close();
        }
        if (supervisor != null) {
            supervisor.interrupt();
            try {
                supervisor.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            supervisor = null;
        }
        connected = false;
    }

    /** True between {@link #start()} and {@link #stop()}, connected or not. */
    public boolean isRunning() {
        return running;
    }

    /** True while the engine is streaming events to us. */
    public boolean isConnected() {
        return connected;
    }

    /** How many times the stream had to be re-opened since start-up. */
    public long reconnects() {
        return reconnects.get();
    }

    /** Why the stream last ended, if it ever did; never contains secrets (engine messages only). */
    public Optional<String> lastProblem() {
        return Optional.ofNullable(lastProblem);
    }

    private void supervise(Backoff backoff) {
        try {
            superviseUntilStopped(backoff);
        } catch (Error fatal) {
            running = false;
            lastProblem = describe(fatal);
            LOG.errorf(fatal, "Docker event watcher stopped by a fatal error; no Docker events are watched any more");
            throw fatal;
        }
    }

    private void superviseUntilStopped(Backoff backoff) {
        while (running) {
            EventStream stream = new EventStream(backoff);
            current = stream;
            String since;
            synchronized (handling) {
                since = cursor.since();
            }
            try {
                docker.eventsCmd()
                        .withEventTypeFilter(EventType.CONTAINER)
                        .withLabelFilter(Labels.ENABLE)
                        .withEventFilter(ACTIONS.toArray(String[]::new))
                        .withSince(since)
                        .exec(stream);
                stream.ended.await();
                lastProblem = stream.error == null ? "the engine closed the event stream" : describe(stream.error);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                lastProblem = describe(e);
            } finally {
                connected = false;
                stream.close();
            }
            if (!running) {
                break;
            }
            Duration delay = backoff.next();
            reconnects.incrementAndGet();
            LOG.warnf("Docker event stream lost (%s); re-opening in %d ms from the last processed event",
                    lastProblem, delay.toMillis());
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.debug("Docker event watcher stopped");
    }

    /** Handles one engine event; serialised because the classifier and cursor remember earlier events. */
    void handle(Event raw) {
        synchronized (handling) {
            Optional<ContainerEvent> parsed = ContainerEvent.from(raw);
            if (parsed.isEmpty()) {
                LOG.debugf("Ignoring a non-container event: %s", raw);
                return;
            }
            ContainerEvent event = parsed.get();
            if (!cursor.firstDelivery(event)) {
                LOG.debugf("Ignoring %s of %s: already processed before the stream was re-opened",
                        event.action(), event.name());
                return;
            }
            ContainerEventClassifier.Verdict verdict = classifier.classify(event);
            if (!verdict.raisesAlert()) {
                LOG.debugf("No alert for %s of %s: %s", event.action(), event.name(), verdict.reason());
                return;
            }
            NewAlert alert = DockerAlerts.fromEvent(event, verdict.alert(), evidenceFor(event));
            try {
                alertSink.accept(alert);
                LOG.infof("%s alert raised for container %s: %s", alert.type(), event.name(), verdict.reason());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not record the %s alert for container %s (%s); the event stream continues",
                        alert.type(), event.name(), alert.summary());
            }
        }
    }

    private List<String> evidenceFor(ContainerEvent event) {
        try {
            return evidence.apply(event.containerId(), config.logTail());
        } catch (RuntimeException e) {
            LOG.debugf(e, "Reading logs of %s failed", event.name());
            return List.of("(container logs unavailable: " + describe(e) + ")");
        }
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().strip().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + message;
    }

    /**
     * One connection's callback. Written against the plain interface because docker-java's template logs
     * every stream end at ERROR, which an engine restart does not deserve.
     */
    private final class EventStream implements ResultCallback<Event> {
        private final Backoff backoff;
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile Closeable response;
        private volatile Throwable error;
        private volatile boolean closed;

        EventStream(Backoff backoff) {
            this.backoff = backoff;
        }

        @Override
        public void onStart(Closeable response) {
            this.response = response;
            if (closed) {
                closeQuietly(response);
                return;
            }
            connected = true;
            backoff.reset();
            LOG.infof("Watching Docker events of containers labelled %s=true", Labels.ENABLE);
        }

        @Override
        public void onNext(Event event) {
            if (closed) {
                return;
            }
            try {
                handle(event);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Failed to handle Docker event %s; continuing with the next", event);
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
