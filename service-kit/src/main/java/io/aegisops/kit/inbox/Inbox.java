package io.aegisops.kit.inbox;

import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.MalformedEventException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * Remembers which events a consumer has processed. The claim is made inside the transaction that applies
 * the event, so "processed" and the effects commit together: a redelivered event is recognised and skipped,
 * and a crash before commit leaves it unprocessed for the redelivery.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final int ATTEMPTS = 5;
    private static final long FIRST_BACKOFF_MS = 200;

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Claims the event for this consumer.
     *
     * @return true the first time; false when the event was already processed (or is being processed by a
     * concurrent transaction that then commits)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return entityManager.createNativeQuery("""
                        insert into processed_event (consumer, event_id, processed_at)
                        values (:consumer, :eventId, now()) on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate() == 1;
    }

    /**
     * Applies {@code handler} to the event exactly once per consumer, in a transaction of its own. Transient
     * failures (database restart, lock timeout) are retried with backoff; an event that cannot be read is
     * not, and the exception reaches the channel's failure strategy (the dead-letter topic).
     *
     * @return true when the handler ran and committed, false for a duplicate
     */
    public boolean once(String consumer, CloudEvent event, Consumer<CloudEvent> handler) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!firstDelivery(consumer, event.id())) {
                        LOG.debugf("%s skips event %s (%s): already processed", consumer, event.id(), event.type());
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
            } catch (MalformedEventException | IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                long backoff = FIRST_BACKOFF_MS << (attempt - 1);
                LOG.warnf("%s failed on event %s (attempt %d/%d), retrying in %d ms: %s", consumer, event.id(),
                        attempt, ATTEMPTS, backoff, e.getMessage());
                sleep(backoff);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
