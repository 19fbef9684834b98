package io.aegisops.buggy.fault;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A simulated database row lock. Every {@code /work} "query" must take the lock on the same row; while the fault
 * is active each holder keeps it for the injected delay, like a slow transaction that has not committed yet.
 * Requests therefore queue behind one another (a lock convoy), so under load the latency grows beyond the delay
 * itself, as it does with real lock contention. A reset wakes the holder at once, so the queue drains.
 */
@ApplicationScoped
public class LatencyFault {

    public static final int MIN_MS = 1;
    public static final int MAX_MS = 60_000;

    private static final Logger LOG = Logger.getLogger(LatencyFault.class);

    /** Fair, so a waiting request is not overtaken forever by newer ones. */
    private final ReentrantLock rowLock = new ReentrantLock(true);
    private volatile long delayMs;
    private volatile Instant since;
    /** Counted down on reset so a holder stops waiting at once; replaced for the next fault. */
    private volatile CountDownLatch released = new CountDownLatch(1);

    /** Makes each query hold the row lock for {@code ms} milliseconds (replacing any earlier delay). */
    public void inject(long ms) {
        if (ms < MIN_MS || ms > MAX_MS) {
            throw new IllegalArgumentException("ms must be between " + MIN_MS + " and " + MAX_MS);
        }
        synchronized (this) {
            if (delayMs == 0) {
                since = Instant.now();
            }
            delayMs = ms;
        }
        LOG.warnf("Latency fault: each query now holds the row lock on orders#42 for %d ms", ms);
    }

    public long delayMs() {
        return delayMs;
    }

    /** When the fault became active; null when it is not. */
    public Instant since() {
        return since;
    }

    /** True while a query holds the row lock; lets tests wait for a holder without sleeping. */
    boolean rowLockHeld() {
        return rowLock.isLocked();
    }

    /** Removes the delay and releases whoever is holding the lock now. */
    public void clear() {
        long was;
        CountDownLatch toRelease;
        synchronized (this) {
            was = delayMs;
            delayMs = 0;
            since = null;
            toRelease = released;
            released = new CountDownLatch(1);
        }
        toRelease.countDown();
        if (was > 0) {
            LOG.infof("Latency fault cleared: the row lock is no longer held for %d ms", was);
        }
    }

    /**
     * Runs one "query": waits for the row lock, holds it for the current delay, releases it.
     *
     * @return milliseconds spent waiting for and holding the lock
     */
    public long query() throws InterruptedException {
        if (delayMs == 0 && !rowLock.isLocked()) {
            return 0;
        }
        long start = System.nanoTime();
        rowLock.lockInterruptibly();
        try {
            // Read after acquiring: a reset while we queued means there is nothing left to wait for. The latch
            // is read first so that a reset between the two reads either zeroes the delay or opens the latch.
            CountDownLatch latch = released;
            long delay = delayMs;
            if (delay > 0) {
                latch.await(delay, TimeUnit.MILLISECONDS);
            }
        } finally {
            rowLock.unlock();
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
