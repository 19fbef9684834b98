package io.aegisops.buggy.watch;

import io.aegisops.buggy.config.BuggyConfig;

/**
 * The limits the {@link Detector} judges samples against; a plain record so the detector can be unit-tested
 * without configuration.
 */
public record Thresholds(
        double heapPercent,
        double heapCriticalPercent,
        double cpuPercent,
        int cpuSamples,
        int cpuCriticalSamples,
        long latencyMs,
        long latencyCriticalMs) {

    public Thresholds {
        if (heapCriticalPercent < heapPercent) {
            throw new IllegalArgumentException("heap critical percent must not be below the heap threshold");
        }
        if (cpuCriticalSamples < cpuSamples) {
            throw new IllegalArgumentException("CPU critical samples must not be fewer than the CPU samples");
        }
        if (latencyCriticalMs < latencyMs) {
            throw new IllegalArgumentException("latency critical ms must not be below the latency threshold");
        }
    }

    public static Thresholds from(BuggyConfig.Watch watch) {
        return new Thresholds(watch.heapThresholdPercent(), watch.heapCriticalPercent(),
                watch.cpuThresholdPercent(), watch.cpuConsecutiveSamples(), watch.cpuCriticalSamples(),
                watch.latencyThresholdMs(), watch.latencyCriticalMs());
    }
}
