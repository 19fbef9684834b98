package io.aegisops.buggy.watch;

import java.util.concurrent.atomic.AtomicLong;

import io.aegisops.buggy.config.BuggyConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The shared latency window of {@code /work}: real requests and synthetic probes both record into it, and the
 * sampler and readiness read it. A bean so they all see the same window.
 */
@ApplicationScoped
public class WorkLatency {

    private final LatencyWindow window;
    private final int warmUpRuns;
    private final AtomicLong completed = new AtomicLong();

    public WorkLatency(BuggyConfig config) {
        this.window = new LatencyWindow(config.watch().latencyWindow().toNanos(),
                config.watch().latencyWindowMaxSamples());
        this.warmUpRuns = config.watch().latencyWarmUpRuns();
    }

    /** Records one run of {@code /work} that just finished; warm-up runs are counted but not judged. */
    public void record(long durationNanos) {
        if (completed.incrementAndGet() > warmUpRuns) {
            window.record(System.nanoTime(), durationNanos);
        }
    }

    /** False until the warm-up runs after start-up are done: until then no latency is a fault. */
    public boolean warmedUp() {
        return completed.get() >= warmUpRuns;
    }

    public LatencyWindow.Stats stats() {
        return window.stats(System.nanoTime());
    }
}
