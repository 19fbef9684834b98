package io.aegisops.remediation.docker;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import com.github.dockerjava.api.model.EventType;
import io.aegisops.contract.StackScope;
import io.aegisops.dockerkit.Backoff;
import io.aegisops.dockerkit.EventTimes;
import io.aegisops.dockerkit.EventStreamFollower;
import io.aegisops.remediation.config.RemediationConfig;
import io.aegisops.remediation.service.ContainerEvents;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records start, kill and stop events of opted-in containers, so the policy can tell a container an operator
 * stopped on purpose from one that died. Exists because only the engine's event stream carries that difference.
 *
 * <p>docker-kit's {@link EventStreamFollower} keeps the stream open across engine restarts, resuming from the
 * newest recorded event (the engine replays its recent events; replays are recognised by their key and skipped).
 */
@ApplicationScoped
public class DockerEventRecorder {

    private static final Logger LOG = Logger.getLogger(DockerEventRecorder.class);
    static final List<String> ACTIONS = List.of("start", "kill", "stop");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ContainerEvents events;
    private final StackScope scope;
    private final RemediationConfig.Docker config;
    private final EventStreamFollower follower;

    public DockerEventRecorder(DockerEngine engine, ContainerEvents events, RemediationConfig config) {
        this.events = events;
        this.scope = engine.scope();
        this.config = config.docker();
        this.follower = new EventStreamFollower("remediation-docker-events",
                (since, callback) -> engine.events(since, ACTIONS, callback), this::since, this::handle,
                new Backoff("remediation event stream", Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    void onStart(@Observes StartupEvent event) {
        if (config.watchEvents()) {
            follower.start();
        } else {
            LOG.warn("Docker events are not watched (aegis.remediation.docker.watch-events=false): containers an "
                    + "operator stopped cannot be told from crashed ones");
        }
    }

    public void start() {
        follower.start();
    }

    @PreDestroy
    public void stop() {
        follower.stop();
    }

    /** True while the engine streams events to us. */
    public boolean isConnected() {
        return follower.isConnected();
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
        if (id == null || action == null || !ACTIONS.contains(action) || !scope.includes(attributes)) {
            return;
        }
        long time = EventTimes.nanos(event).orElseGet(() -> toNanos(Instant.now()));
        String name = attributes.getOrDefault("name", id).replaceFirst("^/", "");
        events.record(id, name, action, time, attributes.get("signal"));
        LOG.debugf("Recorded %s of container %s", action, name);
    }

    private static long toNanos(Instant instant) {
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }
}
