package io.aegisops.monitor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.aegisops.contract.Labels;
import io.aegisops.contract.StackScope;
import io.aegisops.dockerkit.Backoff;
import io.aegisops.dockerkit.EventStreamFollower;
import io.aegisops.monitor.service.AlertSink;
import io.aegisops.monitor.service.NewAlert;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Follows the engine's event stream for opted-in containers and turns crashes, OOM kills and Docker
 * HEALTHCHECK failures into alerts. Exists because these faults are only visible from the engine: a
 * process that died cannot report its own death.
 *
 * <p>The stream is kept open by docker-kit's {@link EventStreamFollower} (own thread, re-opened with back-off
 * after an engine restart); each re-opening asks for everything since the last processed event and
 * {@link EventCursor} drops the boundary events seen twice. Nothing thrown while handling one event (log
 * reading, the alert sink) can end the stream.
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

    private final AlertSink alertSink;
    private final DockerConfig config;
    private final BiFunction<String, Integer, List<String>> evidence;
    private final ContainerEventClassifier classifier;
    private final EventCursor cursor;
    private final Object handling = new Object();
    private final EventStreamFollower follower;

    @Inject
    public DockerEventWatcher(DockerClient docker, AlertSink alertSink, DockerConfig config, StackScope scope) {
        this(docker, alertSink, config, Clock.systemUTC(), new ContainerLogs(docker)::tail, scope);
    }

    /** For tests: the default stack's scope. */
    public DockerEventWatcher(DockerClient docker, AlertSink alertSink, DockerConfig config) {
        this(docker, alertSink, config, StackScope.DEFAULT);
    }

    /** For tests: a fixed clock and evidence without an engine. */
    DockerEventWatcher(DockerClient docker, AlertSink alertSink, DockerConfig config, Clock clock,
                       BiFunction<String, Integer, List<String>> evidence) {
        this(docker, alertSink, config, clock, evidence, StackScope.DEFAULT);
    }

    private DockerEventWatcher(DockerClient docker, AlertSink alertSink, DockerConfig config, Clock clock,
                               BiFunction<String, Integer, List<String>> evidence, StackScope scope) {
        this.alertSink = alertSink;
        this.config = config;
        this.evidence = evidence;
        this.classifier = new ContainerEventClassifier(config.killWindow(), scope);
        this.cursor = new EventCursor(clock.instant());
        this.follower = new EventStreamFollower("docker-events",
                (since, callback) -> docker.eventsCmd()
                        .withEventTypeFilter(EventType.CONTAINER)
                        .withLabelFilter(Labels.ENABLE)
                        .withEventFilter(ACTIONS.toArray(String[]::new))
                        .withSince(since)
                        .exec(callback),
                this::since, this::handle,
                new Backoff("aegis.docker.reconnect-backoff", config.reconnectBackoff().min(), config.reconnectBackoff().max()));
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
    public void start() {
        follower.start();
    }

    @PreDestroy
    public void stop() {
        follower.stop();
    }

    /** True between {@link #start()} and {@link #stop()}, connected or not. */
    public boolean isRunning() {
        return follower.isRunning();
    }

    /** True while the engine is streaming events to us. */
    public boolean isConnected() {
        return follower.isConnected();
    }

    /** How many times the stream had to be re-opened since start-up. */
    public long reconnects() {
        return follower.reconnects();
    }

    /** Why the stream last ended, if it ever did; never contains secrets (engine messages only). */
    public Optional<String> lastProblem() {
        return follower.lastProblem();
    }

    private String since() {
        synchronized (handling) {
            return cursor.since();
        }
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
            return List.of("(container logs unavailable: " + EventStreamFollower.describe(e) + ")");
        }
    }
}
