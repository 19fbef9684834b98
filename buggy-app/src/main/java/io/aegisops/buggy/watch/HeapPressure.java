package io.aegisops.buggy.watch;

/**
 * Heap use as a percentage of the heap the JVM may grow to. When no maximum is defined ({@code -1}) the
 * committed size is the only honest limit left.
 */
public final class HeapPressure {

    private HeapPressure() {
    }

    public static double percent(long usedBytes, long maxBytes, long committedBytes) {
        long limit = maxBytes > 0 ? maxBytes : committedBytes;
        if (limit <= 0) {
            return 0;
        }
        return 100.0 * usedBytes / limit;
    }

    public static long limitBytes(long maxBytes, long committedBytes) {
        return maxBytes > 0 ? maxBytes : committedBytes;
    }
}
