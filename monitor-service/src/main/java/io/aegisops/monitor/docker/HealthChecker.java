package io.aegisops.monitor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.aegisops.contract.Labels;
import io.aegisops.contract.StackScope;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Actively probes the {@code aegis.health-url} of every running opted-in container and raises one
 * UNHEALTHY alert after {@code aegis.docker.health-failures} failures in a row. Exists because a hung
 * process stays "running" for Docker: only a request shows it no longer answers.
 *
 * <p>Failures during a run's start period ({@code aegis.docker.health-start-period} after State.StartedAt, ended by
 * the first healthy answer) do not count, as with Docker's own {@code start_period}: otherwise a booting app, and in
 * particular one remediation-service has just restarted, would be reported unhealthy and restarted again. The
 * engine is asked for StartedAt once per run and on failures, never on every healthy probe.
 *
 * <p>Runs on its own {@link ScheduledExecutorService} rather than the Quarkus scheduler: the interval is a
 * fixed delay after the previous round (a slow engine never stacks rounds), probes block on I/O for up to
 * the timeout and so get their own small pool instead of the scheduler's shared workers, and the
 * integration tests drive exactly this code without booting Quarkus. Probes of different containers run
 * in parallel; a container whose previous probe is still in flight is skipped, so they never overlap.
 *
 * <p>Only reads from Docker (list containers); it never changes a container.
 */
@ApplicationScoped
public class HealthChecker {

    private static final Logger LOG = Logger.getLogger(HealthChecker.class);

    /** More targets than this simply queue; one engine rarely runs more opted-in services. */
    private static final int PROBE_THREADS = 8;

    private final DockerClient docker;
    private final AlertSink alertSink;
    private final DockerConfig config;
    private final Clock clock;
    private final StackScope scope;

    private final Map<String, HealthStreak> streaks = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> warnedInvalidUrl = ConcurrentHashMap.newKeySet();

    private ScheduledExecutorService ticker;
    private ExecutorService probes;
    private boolean listingFails;

    @Inject
    public HealthChecker(DockerClient docker, AlertSink alertSink, DockerConfig config, StackScope scope) {
        this(docker, alertSink, config, Clock.systemUTC(), scope);
    }

    /** For tests: the default stack's scope. */
    public HealthChecker(DockerClient docker, AlertSink alertSink, DockerConfig config) {
        this(docker, alertSink, config, Clock.systemUTC(), StackScope.DEFAULT);
    }

    HealthChecker(DockerClient docker, AlertSink alertSink, DockerConfig config, Clock clock, StackScope scope) {
        this.docker = docker;
        this.alertSink = alertSink;
        this.config = config;
        this.clock = clock;
        this.scope = scope;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        } else {
            LOG.info("Active health checks are off (aegis.docker.enabled=false)");
        }
    }

    /** Stops before the Docker client is disposed, so shutdown is not mistaken for an engine outage. */
    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the periodic rounds; idempotent. */
    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        Duration interval = config.healthInterval();
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("aegis.docker.health-interval must be positive, was " + interval);
        }
        if (config.healthFailures() < 1) {
            throw new IllegalArgumentException("aegis.docker.health-failures must be at least 1, was " + config.healthFailures());
        }
        Duration startPeriod = config.healthStartPeriod();
        if (startPeriod == null || startPeriod.isNegative()) {
            throw new IllegalArgumentException("aegis.docker.health-start-period must not be negative, was "
                    + startPeriod);
        }
        HealthProbe probe = new HealthProbe(config.healthTimeout());
        ExecutorService pool = Executors.newFixedThreadPool(PROBE_THREADS, DaemonThreads.named("aegis-health-probe"));
        probes = pool;
        ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("aegis-health-round"));
        ticker.scheduleWithFixedDelay(() -> roundSafely(pool, probe), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Active health checks every %s (alert after %d failures, timeout %s, start period %s)",
                interval, config.healthFailures(), config.healthTimeout(), startPeriod);
    }

    @PreDestroy
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            probes.shutdownNow();
            ticker = null;
            probes = null;
        }
    }

    /** True between {@link #start()} and {@link #stop()}. */
    public synchronized boolean isRunning() {
        return ticker != null;
    }

    private void roundSafely(ExecutorService pool, HealthProbe probe) {
        try {
            round(pool, probe);
            if (listingFails) {
                listingFails = false;
                LOG.info("Health-check rounds resumed: the engine answers again");
            }
        } catch (RuntimeException e) {
            // An engine hiccup must not cancel the periodic task; warn once per outage, not every round.
            if (!listingFails) {
                listingFails = true;
                LOG.warnf("Health-check rounds paused: could not list containers (%s); retrying every %s",
                        e.getMessage(), config.healthInterval());
            } else {
                LOG.debugf("Health-check round skipped: %s", e.getMessage());
            }
        }
    }

    /** One round: list running opted-in containers and start a probe for each that is not still being probed. */
    private void round(ExecutorService pool, HealthProbe probe) {
        List<Container> running = docker.listContainersCmd()
                .withStatusFilter(List.of("running"))
                .withLabelFilter(List.of(Labels.ENABLE))
                .exec();
        Set<String> present = new HashSet<>();
        for (Container container : running) {
            Optional<ProbedContainer> target = targetOf(container);
            if (target.isEmpty()) {
                continue;
            }
            ProbedContainer probed = target.get();
            present.add(probed.id());
            if (inFlight.add(probed.id())) {
                try {
                    pool.execute(() -> probeOnce(probe, probed));
                } catch (RuntimeException rejected) {
                    inFlight.remove(probed.id());
                    throw rejected;
                }
            }
        }
        // A container that stopped is covered by its Docker event; when it runs again it starts a fresh streak.
        streaks.keySet().removeIf(id -> !present.contains(id) && !inFlight.contains(id));
        warnedInvalidUrl.retainAll(running.stream().map(Container::getId).toList());
    }

    private Optional<ProbedContainer> targetOf(Container container) {
        if (!scope.includes(container.getLabels())) {
            return Optional.empty();
        }
        try {
            return ProbedContainer.of(container);
        } catch (IllegalArgumentException e) {
            if (warnedInvalidUrl.add(container.getId())) {
                LOG.warnf("Container %s is not health-checked: its %s label is unusable (%s)",
                        Optional.ofNullable(container.getNames()).filter(n -> n.length > 0).map(n -> n[0]).orElse(container.getId()),
                        Labels.HEALTH_URL, e.getMessage());
            }
            return Optional.empty();
        }
    }

    private void probeOnce(HealthProbe probe, ProbedContainer target) {
        try {
            ProbeResult result = probe.probe(target.url());
            HealthStreak streak = streaks.computeIfAbsent(target.id(), id -> new HealthStreak(config.healthFailures()));
            if (!result.healthy() || streak.runUnknown()) {
                lookUpRun(target, streak);
            }
            if (result.healthy()) {
                streak.succeeded();
                return;
            }
            if (streak.starting(clock.instant(), config.healthStartPeriod())) {
                LOG.debugf("Health probe of %s failed while it is starting (not counted): %s", target.name(),
                        result.outcome());
                return;
            }
            LOG.debugf("Health probe of %s failed: %s", target.name(), result.outcome());
            if (streak.failed()) {
                raise(target, result, streak);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Health probe of %s failed unexpectedly", target.name());
        } finally {
            inFlight.remove(target.id());
        }
    }

    /** Which run of the container the probe saw; when the engine cannot tell, failures simply count. */
    private void lookUpRun(ProbedContainer target, HealthStreak streak) {
        try {
            String startedAt = docker.inspectContainerCmd(target.id()).exec().getState().getStartedAt();
            if (startedAt != null) {
                streak.observeRun(startedAt, Instant.parse(startedAt));
            }
        } catch (RuntimeException e) {
            LOG.debugf("Could not tell when %s started (%s); its failed probes count", target.name(), e.getMessage());
        }
    }

    private void raise(ProbedContainer target, ProbeResult result, HealthStreak streak) {
        NewAlert alert = DockerAlerts.fromHealthCheck(target, result, streak.failures(), OffsetDateTime.now(clock));
        try {
            alertSink.accept(alert);
            LOG.infof("UNHEALTHY alert raised for %s after %d failed probes (%s)",
                    target.name(), streak.failures(), result.outcome());
        } catch (RuntimeException e) {
            streak.alertNotDelivered();
            LOG.errorf(e, "Could not record the UNHEALTHY alert for %s; it will be raised again on the next failure",
                    target.name());
        }
    }
}
