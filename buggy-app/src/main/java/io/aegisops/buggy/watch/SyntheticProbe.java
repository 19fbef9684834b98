package io.aegisops.buggy.watch;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Runs the workload once per tick so latency is measured even when nobody calls {@code /work}. At most one probe
 * is in flight: while one runs, ticks only report how long it has been running (a lock that never lets go must
 * not collect a thread per second).
 */
public final class SyntheticProbe {

    private static final long IDLE = Long.MIN_VALUE;

    private final Executor executor;
    private final Runnable workload;
    private final LongSupplier nanoClock;
    private final AtomicLong startedAt = new AtomicLong(IDLE);
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    public SyntheticProbe(Executor executor, Runnable workload, LongSupplier nanoClock) {
        this.executor = executor;
        this.workload = workload;
        this.nanoClock = nanoClock;
    }

    /**
     * Starts a probe unless one is still running.
     *
     * @return how long the probe still running has taken so far, in ms; 0 when a new probe was started
     */
    public long tick() {
        long now = nanoClock.getAsLong();
        long running = startedAt.get();
        if (running != IDLE) {
            skipped.incrementAndGet();
            return Math.max(0, (now - running) / 1_000_000);
        }
        startedAt.set(now);
        started.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    workload.run();
                } finally {
                    startedAt.set(IDLE);
                }
            });
        } catch (RejectedExecutionException e) {
            startedAt.set(IDLE);
        }
        return 0;
    }

    public boolean inFlight() {
        return startedAt.get() != IDLE;
    }

    public long started() {
        return started.get();
    }

    /** Ticks that found the previous probe still running and started none. */
    public long skipped() {
        return skipped.get();
    }
}
