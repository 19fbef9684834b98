package io.aegisops.kit.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;

/**
 * Deletes old rows a batch per transaction until none is left. Exists because a retention job that deletes months of
 * an alert storm in one statement holds its locks, and grows its transaction, for as long as that takes; batches keep
 * both short while the service goes on writing.
 */
public final class BatchedDelete {

    /** Rows deleted per statement. */
    public static final int BATCH = 10_000;

    private BatchedDelete() {
    }

    /**
     * Runs {@code sql} (a native delete whose parameters are {@code :cutoff} and {@code :batch}, deleting at most
     * {@code :batch} rows) until it deletes fewer than a batch.
     *
     * @return how many rows were deleted in all
     */
    public static long until(EntityManager entityManager, String sql, OffsetDateTime cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql)
                    .setParameter("cutoff", cutoff)
                    .setParameter("batch", BATCH)
                    .executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
