package io.aegisops.monitor.docker;

import java.time.Duration;
import java.time.Instant;

/**
 * Consecutive-failure bookkeeping for one container's active health probe. Exists so "alert once after N
 * failures in a row, then stay quiet until the container has been healthy again" and "failures while the
 * container is still starting do not count" are a few lines that can be unit tested, away from HTTP and Docker.
 * Each instance belongs to one container id (a recreated container gets a new id and a fresh streak); a restart
 * keeps the id, so the streak also follows the run, known by the container's State.StartedAt.
 */
final class HealthStreak {

    private final int threshold;
    private int failures;
    private boolean alerted;
    /** State.StartedAt of the run this streak is about, as the engine wrote it; null until first looked up. */
    private String run;
    private Instant runStartedAt;
    /** The current run has answered healthy at least once: its start period is over. */
    private boolean answered;

    HealthStreak(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("aegis.docker.health-failures must be at least 1, was " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * Records a failed probe.
     *
     * @return true exactly once per unhealthy period: on the failure that reaches the threshold
     */
    synchronized boolean failed() {
        failures++;
        if (!alerted && failures >= threshold) {
            alerted = true;
            return true;
        }
        return false;
    }

    /**
     * Records a healthy probe: the streak ends, the start period of this run is over, and the next unhealthy period
     * may alert again.
     */
    synchronized void succeeded() {
        failures = 0;
        alerted = false;
        answered = true;
    }

    /** True until the run has been looked up once; afterwards only failures need to ask which run they belong to. */
    synchronized boolean runUnknown() {
        return run == null;
    }

    /**
     * Tells which run of the container the latest probe saw. A different start time than before means the container
     * was restarted: a fresh run with a fresh start period and no failures yet.
     *
     * @param startedAt the engine's State.StartedAt (RFC 3339)
     */
    synchronized void observeRun(String startedAt, Instant startedAtInstant) {
        if (startedAt == null || startedAt.equals(run)) {
            return;
        }
        if (run != null) {
            failures = 0;
            alerted = false;
            answered = false;
        }
        run = startedAt;
        runStartedAt = startedAtInstant;
    }

    /** True while failures must not count: this run never answered healthy and started less than {@code period} ago. */
    synchronized boolean starting(Instant now, Duration period) {
        return !answered && runStartedAt != null && now.isBefore(runStartedAt.plus(period));
    }

    /** The alert could not be delivered; let the next failed probe raise it again instead of losing it. */
    synchronized void alertNotDelivered() {
        alerted = false;
    }

    synchronized int failures() {
        return failures;
    }
}
