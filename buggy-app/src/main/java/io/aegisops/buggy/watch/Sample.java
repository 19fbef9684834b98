package io.aegisops.buggy.watch;

import java.time.Instant;

/**
 * One tick of the self-watch: what was measured, before any judgement. Also the "last sample" of
 * {@code GET /watch}.
 *
 * @param at              when it was taken
 * @param heapUsedMb      heap in use
 * @param heapMaxMb       heap the JVM may grow to
 * @param heapUsedPercent heap in use as a percentage of the maximum
 * @param cpuPercent      process CPU since the previous tick, as a percentage of all processors; null on the
 *                        first tick or where the platform cannot measure it
 * @param processors      processors available to the JVM
 * @param workSamples     runs of {@code /work} (requests and probes) in the latency window
 * @param workP95Ms       p95 of those runs
 * @param workMaxMs       slowest of those runs
 * @param probeInFlightMs how long the synthetic probe still running has taken so far; 0 when none is running
 */
public record Sample(
        Instant at,
        double heapUsedMb,
        double heapMaxMb,
        double heapUsedPercent,
        Double cpuPercent,
        int processors,
        int workSamples,
        double workP95Ms,
        double workMaxMs,
        long probeInFlightMs) {

    /**
     * The latency to judge: the p95, unless the probe still running has already taken longer. A stuck probe only
     * enters the window when it finishes, so without this a lock held for a minute would go unnoticed for a
     * minute.
     */
    public double effectiveLatencyMs() {
        return Math.max(workSamples > 0 ? workP95Ms : 0, probeInFlightMs);
    }
}
