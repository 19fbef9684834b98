package io.aegisops.remediation.service;

import io.aegisops.remediation.config.RemediationConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs committed intents off the Kafka consumer threads. Woken right after an intent commits and polled as a
 * safety net; claims only as many rows as it has free threads, so nothing it claimed waits in a queue holding a
 * lease. Also keeps its leases alive and, at start-up and periodically, resumes actions whose owner died.
 */
@ApplicationScoped
public class ActionWorker {

    private static final Logger LOG = Logger.getLogger(ActionWorker.class);

    private final Claims claims;
    private final ActionRunner runner;
    private final RemediationConfig.Worker config;
    /** Unique per process start, so a restarted service does not mistake its predecessor's claims for its own. */
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private Semaphore permits;
    private ExecutorService runners;
    private ExecutorService coordinator;
    private ScheduledExecutorService ticker;

    public ActionWorker(Claims claims, ActionRunner runner, RemediationConfig config) {
        this.claims = claims;
        this.runner = runner;
        this.config = config.worker();
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    public synchronized void start() {
        if (ticker != null) {
            return;
        }
        if (config.lease().compareTo(Duration.ofSeconds(3)) < 0 || config.pollInterval().toMillis() < 10) {
            throw new IllegalArgumentException("aegis.remediation.worker needs lease >= 3s and poll-interval >= 10ms, was "
                    + config.lease() + " and " + config.pollInterval());
        }
        permits = new Semaphore(config.threads());
        runners = Executors.newFixedThreadPool(config.threads(), daemon("aegis-remediation-action"));
        coordinator = Executors.newSingleThreadExecutor(daemon("aegis-remediation-claims"));
        ticker = Executors.newSingleThreadScheduledExecutor(daemon("aegis-remediation-ticker"));
        long poll = config.pollInterval().toMillis();
        long lease = config.lease().toMillis();
        ticker.scheduleWithFixedDelay(this::wake, 0, poll, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::renewLeases, lease / 3, lease / 3, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::recoverInterruptedSafely, 0, Math.max(poll, lease / 2), TimeUnit.MILLISECONDS);
        LOG.infof("Action worker %s started: %d thread(s), lease %s", owner, config.threads(), config.lease());
    }

    @PreDestroy
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            coordinator.shutdownNow();
            runners.shutdownNow();
            ticker = null;
        }
    }

    void onIntent(@Observes(during = TransactionPhase.AFTER_SUCCESS) IntentRecorded intent) {
        wake();
    }

    /** Requests a round of claims; concurrent requests coalesce into one running round plus one follow-up. */
    public void wake() {
        wanted.set(true);
        if (coordinator != null && draining.compareAndSet(false, true)) {
            try {
                coordinator.execute(this::drainWhileWanted);
            } catch (RuntimeException rejected) {
                draining.set(false);
            }
        }
    }

    /**
     * Resumes every action whose owner stopped renewing its lease (a process that died mid-action): it is verified,
     * never run again. Runs at start-up and periodically; public so tests can trigger it.
     *
     * @return how many were resumed
     */
    public int recoverInterrupted() {
        int resumed = 0;
        while (claimAndRun(() -> claims.claimInterrupted(owner, config.lease()))) {
            resumed++;
        }
        if (resumed > 0) {
            LOG.infof("Resumed %d interrupted action(s) at verification", resumed);
        }
        return resumed;
    }

    private void drainWhileWanted() {
        try {
            while (wanted.getAndSet(false)) {
                while (claimAndRun(() -> claims.claimPending(owner, config.lease()))) {
                    // keep claiming while there are free threads and pending intents
                }
            }
        } finally {
            draining.set(false);
        }
        if (wanted.get()) {
            wake();
        }
    }

    /** Claims one unit of work if a thread is free and runs it there; false when nothing was claimed. */
    private boolean claimAndRun(Supplier<Optional<Claims.Claim>> claimer) {
        if (!permits.tryAcquire()) {
            return false;
        }
        Optional<Claims.Claim> claim;
        try {
            claim = claimer.get();
        } catch (RuntimeException e) {
            permits.release();
            // Another replica claimed the same container first (unique index), or the database is away: next round.
            LOG.debugf(e, "No claim this round: %s", e.getMessage());
            return false;
        }
        if (claim.isEmpty()) {
            permits.release();
            return false;
        }
        runners.execute(() -> {
            try {
                runner.run(claim.get(), owner);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Remediation %s stopped unexpectedly; its lease will expire and recovery will verify it",
                        claim.get().remediationId());
            } finally {
                permits.release();
                wake();
            }
        });
        return true;
    }

    private void renewLeases() {
        try {
            claims.renew(owner, config.lease());
        } catch (RuntimeException e) {
            LOG.warnf("Could not renew action leases: %s", e.getMessage());
        }
    }

    private void recoverInterruptedSafely() {
        try {
            recoverInterrupted();
        } catch (RuntimeException e) {
            LOG.warnf("Recovery round skipped: %s", e.getMessage());
        }
    }

    public String owner() {
        return owner;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
