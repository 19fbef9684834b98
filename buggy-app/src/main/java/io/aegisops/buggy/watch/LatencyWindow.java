package io.aegisops.buggy.watch;

import java.util.ArrayDeque;

/**
 * Durations of recent runs over a sliding time window, and their p95. Pure (time is passed in, as monotonic
 * nanoseconds) so the arithmetic can be tested without sleeping. Bounded in count as well as in time so that
 * heavy traffic cannot grow it without limit; when full, the oldest duration makes room.
 */
public final class LatencyWindow {

    /** Count, p95 and max of the durations in the window, in milliseconds; zeros when it is empty. */
    public record Stats(int count, double p95Ms, double maxMs) {
        public static final Stats EMPTY = new Stats(0, 0, 0);
    }

    private record Entry(long atNanos, long durationNanos) {
    }

    private final long windowNanos;
    private final int maxSamples;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();

    public LatencyWindow(long windowNanos, int maxSamples) {
        if (windowNanos <= 0 || maxSamples <= 0) {
            throw new IllegalArgumentException("window and max samples must be positive");
        }
        this.windowNanos = windowNanos;
        this.maxSamples = maxSamples;
    }

    /** Records a run that finished at {@code atNanos} after taking {@code durationNanos}. */
    public synchronized void record(long atNanos, long durationNanos) {
        if (entries.size() == maxSamples) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(atNanos, Math.max(0, durationNanos)));
    }

    /** Forgets runs older than the window, then summarises the rest. */
    public synchronized Stats stats(long nowNanos) {
        while (!entries.isEmpty() && nowNanos - entries.peekFirst().atNanos() > windowNanos) {
            entries.removeFirst();
        }
        if (entries.isEmpty()) {
            return Stats.EMPTY;
        }
        long[] sorted = entries.stream().mapToLong(Entry::durationNanos).sorted().toArray();
        return new Stats(sorted.length, toMs(percentile(sorted, 95)), toMs(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile: the smallest value that at least {@code p}% of the values do not exceed. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static double toMs(long nanos) {
        return nanos / 1_000_000.0;
    }
}
