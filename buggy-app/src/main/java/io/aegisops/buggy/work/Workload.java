package io.aegisops.buggy.work;

import io.aegisops.buggy.fault.LatencyFault;
import io.aegisops.buggy.watch.WorkLatency;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo workload behind {@code GET /work}: a "database query" (the row lock the latency fault can hold) and
 * a little real CPU work (hashing). The self-watch probes this very method, so what it measures is what callers
 * get; every run, called or probed, feeds the latency window.
 */
@ApplicationScoped
public class Workload {

    static final int ROUNDS = 64;
    private static final int BLOCK_BYTES = 4096;

    private final LatencyFault rowLock;
    private final WorkLatency latency;
    private final AtomicLong sequence = new AtomicLong();

    /** The result of one run. */
    public record Result(long sequence, String digest, int rounds, long lockWaitMs, long tookMs) {
    }

    public Workload(LatencyFault rowLock, WorkLatency latency) {
        this.rowLock = rowLock;
        this.latency = latency;
    }

    public Result run() throws InterruptedException {
        long start = System.nanoTime();
        long seq = sequence.incrementAndGet();
        try {
            long lockWaitMs = rowLock.query();
            String digest = hash(seq);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            return new Result(seq, digest, ROUNDS, lockWaitMs, tookMs);
        } finally {
            // Recorded even when interrupted: a run that was cut short still kept its caller waiting.
            latency.record(System.nanoTime() - start);
        }
    }

    /** Chained SHA-256 over a block derived from the sequence number, so no two runs are the same work. */
    static String hash(long seed) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
        byte[] block = new byte[BLOCK_BYTES];
        byte[] digest = Long.toString(seed).getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < block.length; i++) {
                block[i] = digest[i % digest.length];
            }
            sha.update(block);
            digest = sha.digest();
        }
        return HexFormat.of().formatHex(digest);
    }
}
