package io.aegisops.buggy.watch;

import java.util.OptionalDouble;

/**
 * Process CPU load between two samples, as a fraction of all processors available to the JVM. Computed from
 * the process CPU time rather than read from {@code getProcessCpuLoad()} so it is exact over the sampling
 * interval and respects a container's CPU limit (which {@link Runtime#availableProcessors()} reflects).
 */
public final class CpuMeter {

    private final int processors;
    private long lastCpuNanos = -1;
    private long lastWallNanos;

    public CpuMeter(int processors) {
        if (processors < 1) {
            throw new IllegalArgumentException("processors must be at least 1");
        }
        this.processors = processors;
    }

    public int processors() {
        return processors;
    }

    /**
     * @param cpuNanos  total CPU time used by the process so far (negative when the platform cannot tell)
     * @param wallNanos monotonic wall clock
     * @return load since the previous sample in [0, 1]; empty for the first sample or when unmeasurable
     */
    public synchronized OptionalDouble sample(long cpuNanos, long wallNanos) {
        if (cpuNanos < 0) {
            lastCpuNanos = -1;
            return OptionalDouble.empty();
        }
        long previousCpu = lastCpuNanos;
        long previousWall = lastWallNanos;
        lastCpuNanos = cpuNanos;
        lastWallNanos = wallNanos;
        long wall = wallNanos - previousWall;
        if (previousCpu < 0 || wall <= 0) {
            return OptionalDouble.empty();
        }
        double load = (double) (cpuNanos - previousCpu) / ((double) wall * processors);
        return OptionalDouble.of(Math.max(0, Math.min(1, load)));
    }
}
