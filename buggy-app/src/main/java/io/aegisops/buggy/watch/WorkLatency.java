package io.aegisops.buggy.watch;

import io.aegisops.buggy.config.BuggyConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The shared latency window of {@code /work}: real requests and synthetic probes both record into it, and the
 * sampler and readiness read it. A bean so they all see the same window.
 */
@ApplicationScoped
public class WorkLatency {

    private final LatencyWindow window;

    public WorkLatency(BuggyConfig config) {
        this.window = new LatencyWindow(config.watch().latencyWindow().toNanos(),
                config.watch().latencyWindowMaxSamples());
    }

    /** Records one run of {@code /work} that just finished. */
    public void record(long durationNanos) {
        window.record(System.nanoTime(), durationNanos);
    }

    public LatencyWindow.Stats stats() {
        return window.stats(System.nanoTime());
    }
}
