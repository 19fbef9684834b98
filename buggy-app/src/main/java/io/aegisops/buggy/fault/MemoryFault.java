package io.aegisops.buggy.fault;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A memory leak on demand: heap that stays reachable until {@link #clear()} (or a restart, which is the cure the
 * platform is expected to find). Chunks of 1 MiB are written to so the pages are really committed, and an
 * allocation that exhausts the heap keeps what it got, as a real leak would.
 */
@ApplicationScoped
public class MemoryFault {

    public static final int MIN_MB = 1;
    public static final int MAX_MB = 1024;

    static final int CHUNK_BYTES = 1024 * 1024;
    private static final int PAGE_BYTES = 4096;
    private static final Logger LOG = Logger.getLogger(MemoryFault.class);

    private final List<byte[]> chunks = new ArrayList<>();
    /** Mirrors chunks.size() so that gauges and GET /faults never wait behind a large allocation. */
    private volatile int retainedMb;
    private volatile Instant since;

    /** What one call managed to retain, and the total now held. */
    public record Retention(int requestedMb, int addedMb, int retainedMb, boolean heapExhausted) {
    }

    /** Allocates and keeps {@code mb} MiB more; stops early, keeping what it got, if the heap runs out. */
    public synchronized Retention retain(int mb) {
        if (mb < MIN_MB || mb > MAX_MB) {
            throw new IllegalArgumentException("mb must be between " + MIN_MB + " and " + MAX_MB);
        }
        int added = 0;
        boolean exhausted = false;
        try {
            for (; added < mb; added++) {
                chunks.add(touched(new byte[CHUNK_BYTES]));
                retainedMb = chunks.size();
                if (since == null) {
                    since = Instant.now();
                }
            }
        } catch (OutOfMemoryError e) {
            // Only reached when the JVM is not told to exit on OOM: report it instead of dying mid-request.
            exhausted = true;
        }
        if (exhausted) {
            LOG.errorf("Memory fault: heap exhausted after %d of %d MB requested; now retaining %d MB",
                    added, mb, chunks.size());
        } else {
            LOG.warnf("Memory fault: retaining %d MB more, %d MB in total", added, chunks.size());
        }
        return new Retention(mb, added, chunks.size(), exhausted);
    }

    public int retainedMb() {
        return retainedMb;
    }

    public long retainedBytes() {
        return (long) retainedMb * CHUNK_BYTES;
    }

    /** When the first still-retained chunk was allocated; null when nothing is retained. */
    public Instant since() {
        return since;
    }

    /** Lets the garbage collector have everything back. */
    public synchronized void clear() {
        int released = chunks.size();
        chunks.clear();
        retainedMb = 0;
        since = null;
        if (released > 0) {
            // Without allocation pressure the collector may not run for a long time, and the heap gauge (and
            // with it readiness and the alerts) would keep reporting a leak that is already gone.
            System.gc();
            LOG.infof("Memory fault cleared: released %d MB", released);
        }
    }

    private static byte[] touched(byte[] chunk) {
        for (int i = 0; i < chunk.length; i += PAGE_BYTES) {
            chunk[i] = (byte) (i >>> 12 | 1);
        }
        return chunk;
    }
}
