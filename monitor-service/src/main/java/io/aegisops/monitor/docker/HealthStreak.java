package io.aegisops.monitor.docker;

/**
 * Consecutive-failure bookkeeping for one container's active health probe. Exists so "alert once after N
 * failures in a row, then stay quiet until the container has been healthy again" is a few lines that can
 * be unit tested, away from HTTP and Docker. Each instance belongs to one container id: a recreated
 * container gets a new id and therefore a fresh streak.
 */
final class HealthStreak {

    private final int threshold;
    private int failures;
    private boolean alerted;

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

    /** Records a healthy probe: the streak ends and the next unhealthy period may alert again. */
    synchronized void succeeded() {
        failures = 0;
        alerted = false;
    }

    /** The alert could not be delivered; let the next failed probe raise it again instead of losing it. */
    synchronized void alertNotDelivered() {
        alerted = false;
    }

    synchronized int failures() {
        return failures;
    }
}
