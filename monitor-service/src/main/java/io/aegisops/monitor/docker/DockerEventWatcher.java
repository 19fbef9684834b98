package io.aegisops.monitor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.EventsCmd;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiFunction;

/**
 * Follows the engine's event stream for opted-in containers and turns crashes, OOM kills and Docker
 * HEALTHCHECK failures into alerts. Exists because these faults are only visible from the engine: a
 * process that died cannot report its own death.
 *
 * <p>Nothing is missed across restarts. The position of the last processed event is saved ({@link CursorStore});
 * each opening of the stream (start-up, or after the engine went away) first catches up: it replays the
 * engine's events since that position, then reports this stack's containers that ended meanwhile without an
 * event left to say so ({@link ExitedContainers}), and only then follows live events. The stream is kept open by
 * docker-kit's {@link EventStreamFollower}; {@link EventCursor} drops the boundary events seen twice.
 *
 * <p>An event counts as processed only when its alert is durable: a failed write is retried with back-off while
 * the stream waits (the engine buffers what comes meanwhile), never dropped. Nothing else thrown while handling
 * one event (log reading) can end the stream.
 *
 * <p>Only reads from Docker (events, lists, inspect, logs); it never changes a container.
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

    /** A found end and the engine's event of that same end are this close: FinishedAt is set just before the die. */
    private static final long SAME_END_NANOS = Duration.ofSeconds(2).toNanos();
    private static final int REMEMBERED_ENDS = 4096;

    private final AlertSink alertSink;
    private final DockerConfig config;
    private final Clock clock;
    private final BiFunction<String, Integer, List<String>> evidence;
    private final ContainerEventClassifier classifier;
    private final EventCursor cursor;
    private final CursorStore cursorStore;
    private final ExitedContainers exited;
    private final DockerClient stream;
    private final Object handling = new Object();
    private final EventStreamFollower follower;
    private final Map<String, End> lastEnds = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, End> eldest) {
            return size() > REMEMBERED_ENDS;
        }
    };

    private volatile boolean stopped;
    private boolean resumed;
    private boolean cursorSaveFailing;

    /** The last end (die or oom) processed for one container, and whether it was found rather than streamed. */
    private record End(long atNanos, boolean found) {
    }

    @Inject
    public DockerEventWatcher(DockerClient docker, @EventStreamClient DockerClient stream, AlertSink alertSink,
                              DockerConfig config, StackScope scope, DatabaseCursorStore cursorStore) {
        this(docker, stream, alertSink, config, Clock.systemUTC(), new ContainerLogs(docker)::tail, scope, cursorStore);
    }

    /** For tests: one client for everything, a position that lives as long as the watcher. */
    public DockerEventWatcher(DockerClient docker, AlertSink alertSink, DockerConfig config, StackScope scope) {
        this(docker, alertSink, config, scope, CursorStore.inMemory());
    }

    /** For tests: the position kept in {@code cursorStore}, as if the service restarted between two watchers. */
    DockerEventWatcher(DockerClient docker, AlertSink alertSink, DockerConfig config, StackScope scope,
                       CursorStore cursorStore) {
        this(docker, docker, alertSink, config, Clock.systemUTC(), new ContainerLogs(docker)::tail, scope, cursorStore);
    }

    /** For tests: the default stack's scope. */
    public DockerEventWatcher(DockerClient docker, AlertSink alertSink, DockerConfig config) {
        this(docker, alertSink, config, StackScope.DEFAULT);
    }

    /** For tests: a fixed clock and evidence without an engine. */
    DockerEventWatcher(DockerClient docker, AlertSink alertSink, DockerConfig config, Clock clock,
                       BiFunction<String, Integer, List<String>> evidence) {
        this(docker, docker, alertSink, config, clock, evidence, StackScope.DEFAULT, CursorStore.inMemory());
    }

    private DockerEventWatcher(DockerClient docker, DockerClient stream, AlertSink alertSink, DockerConfig config,
                               Clock clock, BiFunction<String, Integer, List<String>> evidence, StackScope scope,
                               CursorStore cursorStore) {
        this.alertSink = alertSink;
        this.config = config;
        this.clock = clock;
        this.evidence = evidence;
        this.stream = stream;
        this.classifier = new ContainerEventClassifier(config.killWindow(), scope);
        this.cursor = new EventCursor(clock.instant());
        this.cursorStore = cursorStore;
        this.exited = new ExitedContainers(docker, scope);
        this.follower = new EventStreamFollower("docker-events",
                (sinceBeforeCatchUp, callback) -> {
                    catchUp();
                    // Asked again: catching up moved the position past the events it handled.
                    events().withSince(since()).exec(callback);
                },
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

    /** Resumes from the saved position and opens the stream on a background thread; idempotent. */
    public void start() {
        stopped = false;
        resumeFromSavedPosition();
        follower.start();
    }

    @PreDestroy
    public void stop() {
        stopped = true;
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

    private EventsCmd events() {
        return stream.eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withLabelFilter(Labels.ENABLE)
                .withEventFilter(ACTIONS.toArray(String[]::new));
    }

    /** Starts from where the last run stopped (at most {@code catch-up-max} ago), once per watcher. */
    private void resumeFromSavedPosition() {
        synchronized (handling) {
            if (resumed) {
                return;
            }
            resumed = true;
            OptionalLong saved;
            try {
                saved = cursorStore.load();
            } catch (RuntimeException e) {
                LOG.warnf("Docker events: the saved position could not be read (%s); following from now, so only "
                        + "containers that ended after this start are reported", EventStreamFollower.describe(e));
                return;
            }
            if (saved.isEmpty()) {
                LOG.info("Docker events: first start, following from now");
                return;
            }
            long floor = EventCursor.nanosOf(clock.instant().minus(config.catchUpMax()));
            long from = Math.max(saved.getAsLong(), floor);
            if (from < cursor.sinceNanos()) {
                cursor.resumeFrom(from);
                LOG.infof("Docker events: catching up from %s, where the last run stopped%s", cursor.since(),
                        from == floor ? " (capped at aegis.docker.catch-up-max=" + config.catchUpMax() + ")" : "");
            }
        }
    }

    /**
     * Before a stream is followed live: the engine's buffered events since the position, then the containers that
     * ended meanwhile with no event left to tell. Runs on the follower's thread; a failure makes it try again
     * with back-off, like a lost stream.
     */
    private void catchUp() {
        long from;
        synchronized (handling) {
            from = cursor.sinceNanos();
        }
        String until = EventCursor.format(EventCursor.nanosOf(clock.instant()));
        Replay replay = events().withSince(EventCursor.format(from)).withUntil(until).exec(new Replay());
        replay.finish(config.requestTimeout());
        List<ContainerEvent> ends = exited.endedSince(from);
        ends.forEach(this::handleFound);
        if (replay.count > 0 || !ends.isEmpty()) {
            LOG.infof("Docker events: caught up from %s with %d replayed events and %d ends found in the containers' "
                    + "state", EventCursor.format(from), replay.count, ends.size());
        }
    }

    /** Handles one engine event; serialised because the classifier and cursor remember earlier events. */
    void handle(Event raw) {
        Optional<ContainerEvent> parsed = ContainerEvent.from(raw);
        if (parsed.isEmpty()) {
            LOG.debugf("Ignoring a non-container event: %s", raw);
            return;
        }
        process(parsed.get(), false);
    }

    /** Handles an end found in a container's state on catching up, as the engine event that was missed. */
    void handleFound(ContainerEvent end) {
        process(end, true);
    }

    /**
     * @param found true for an end found in a container's state rather than delivered by the engine
     */
    private void process(ContainerEvent event, boolean found) {
        synchronized (handling) {
            if (!cursor.isNew(event)) {
                LOG.debugf("Ignoring %s of %s: already processed", event.action(), event.name());
                return;
            }
            if (isEnd(event) && sameEndAlreadyProcessed(event, found)) {
                LOG.debugf("Ignoring %s of %s: this end was already reported", event.action(), event.name());
                done(event);
                return;
            }
            ContainerEventClassifier.Verdict verdict = classifier.classify(event);
            if (verdict.raisesAlert()) {
                NewAlert alert = DockerAlerts.fromEvent(event, verdict.alert(), evidenceFor(event), found);
                if (!deliver(alert, event)) {
                    return;
                }
                LOG.infof("%s alert raised for container %s: %s%s", alert.type(), event.name(), verdict.reason(),
                        found ? " (found on catching up)" : "");
            } else {
                LOG.debugf("No alert for %s of %s: %s", event.action(), event.name(), verdict.reason());
            }
            if (isEnd(event)) {
                lastEnds.put(event.containerId(), new End(event.timeNanos(), found));
            }
            done(event);
        }
    }

    private static boolean isEnd(ContainerEvent event) {
        return event.action().equals("die") || event.action().equals("oom");
    }

    /** A found end and a streamed event of the same end (either order) are one end, reported once. */
    private boolean sameEndAlreadyProcessed(ContainerEvent event, boolean found) {
        End last = lastEnds.get(event.containerId());
        return last != null && last.found() != found && Math.abs(event.timeNanos() - last.atNanos()) <= SAME_END_NANOS;
    }

    /**
     * Records the alert, retrying with back-off for as long as the watcher runs: the event stream waits, so nothing
     * after this event is processed before it.
     *
     * @return false only when the watcher stopped first; the event is then not processed and the next start replays it
     */
    private boolean deliver(NewAlert alert, ContainerEvent event) {
        Backoff backoff = new Backoff("aegis.docker.reconnect-backoff", config.reconnectBackoff().min(),
                config.reconnectBackoff().max());
        for (int attempt = 1; ; attempt++) {
            try {
                alertSink.accept(alert);
                return true;
            } catch (RuntimeException e) {
                if (stopped) {
                    LOG.warnf("The %s alert for container %s is not recorded (%s) and the service is stopping: the "
                            + "next start replays it", alert.type(), event.name(), EventStreamFollower.describe(e));
                    return false;
                }
                Duration delay = backoff.next();
                LOG.errorf("Could not record the %s alert for container %s (attempt %d: %s); retrying in %d ms, the "
                                + "event stream waits for it", alert.type(), event.name(), attempt,
                        EventStreamFollower.describe(e), delay.toMillis());
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /** Marks the event processed and saves the position for the next start. */
    private void done(ContainerEvent event) {
        cursor.processed(event);
        try {
            cursorStore.save(cursor.sinceNanos());
            if (cursorSaveFailing) {
                cursorSaveFailing = false;
                LOG.info("Docker events: the position is saved again");
            }
        } catch (RuntimeException e) {
            if (!cursorSaveFailing) {
                cursorSaveFailing = true;
                LOG.warnf("Docker events: the position could not be saved (%s); a restart now would catch up from "
                        + "an older one, which replays (never loses) events", EventStreamFollower.describe(e));
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

    /** The bounded replay of a catch-up: every event handled in order, then the engine closes the response. */
    private final class Replay extends ReadCallback<Event> {
        private int count;

        @Override
        public void onNext(Event event) {
            count++;
            handle(event);
        }

        /** Waits until the engine sent everything up to {@code until}; throws when it did not, so it is retried. */
        void finish(Duration timeout) {
            try {
                if (!await(timeout)) {
                    throw new IllegalStateException("the engine did not finish replaying events within " + timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while catching up", e);
            } finally {
                close();
            }
            if (error() != null) {
                throw new IllegalStateException("replaying events failed: " + EventStreamFollower.describe(error()),
                        error());
            }
        }
    }
}
