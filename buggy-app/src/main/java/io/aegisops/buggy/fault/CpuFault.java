package io.aegisops.buggy.fault;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CPU saturation on demand: threads that spin until {@link #stop()}. Each call adds threads, capped at
 * {@link #MAX_THREADS} in total so a script in a loop cannot make the JVM unschedulable.
 */
@ApplicationScoped
public class CpuFault {

    public static final int MIN_THREADS = 1;
    public static final int MAX_THREADS = 64;

    private static final Logger LOG = Logger.getLogger(CpuFault.class);

    private final List<Spinner> spinners = new ArrayList<>();
    private Instant since;

    /** Thrown when more threads are asked for than the cap leaves room for. */
    public static class TooManyThreadsException extends RuntimeException {
        public TooManyThreadsException(String message) {
            super(message);
        }
    }

    /**
     * Starts {@code threads} more spinning threads.
     *
     * @return the number now spinning
     * @throws TooManyThreadsException when the total would pass {@link #MAX_THREADS}
     */
    public synchronized int start(int threads) {
        if (threads < MIN_THREADS || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be between " + MIN_THREADS + " and " + MAX_THREADS);
        }
        if (spinners.size() + threads > MAX_THREADS) {
            throw new TooManyThreadsException("threads would exceed " + MAX_THREADS + " in total ("
                    + spinners.size() + " already spinning); reset first");
        }
        for (int i = 0; i < threads; i++) {
            Spinner spinner = new Spinner();
            Thread thread = new Thread(spinner, "cpu-fault-" + (spinners.size() + 1));
            thread.setDaemon(true);
            spinner.thread = thread;
            spinners.add(spinner);
            thread.start();
        }
        if (since == null) {
            since = Instant.now();
        }
        LOG.warnf("CPU fault: started %d busy threads, %d spinning in total", threads, spinners.size());
        return spinners.size();
    }

    /** Threads started and not yet told to stop. */
    public synchronized int threads() {
        return spinners.size();
    }

    /** Threads still alive, stopping or not; lets tests prove that a stop really ends them. */
    public synchronized long aliveThreads() {
        return spinners.stream().filter(s -> s.thread.isAlive()).count();
    }

    public synchronized Instant since() {
        return since;
    }

    /** Tells every spinner to stop and waits briefly for them, so a reset is visible at once in the CPU. */
    public void stop() {
        List<Spinner> stopping;
        synchronized (this) {
            stopping = new ArrayList<>(spinners);
            spinners.clear();
            since = null;
        }
        stopping.forEach(s -> s.running = false);
        for (Spinner s : stopping) {
            try {
                s.thread.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!stopping.isEmpty()) {
            LOG.infof("CPU fault cleared: stopped %d busy threads", stopping.size());
        }
    }

    private static final class Spinner implements Runnable {
        private volatile boolean running = true;
        private Thread thread;
        @SuppressWarnings("unused")
        private volatile long sink;

        @Override
        public void run() {
            long x = System.nanoTime();
            while (running) {
                // Real arithmetic whose result escapes, so the JIT cannot remove the loop body.
                for (int i = 0; i < 10_000; i++) {
                    x ^= x << 13;
                    x ^= x >>> 7;
                    x ^= x << 17;
                }
                sink = x;
            }
        }
    }
}
