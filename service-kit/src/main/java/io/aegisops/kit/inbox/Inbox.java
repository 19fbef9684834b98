package io.aegisops.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which events a consumer has processed. Called inside the transaction that applies the event,
 * so "processed" and the effects commit together: a redelivered event is recognised and skipped, and a
 * crash before commit leaves it unprocessed for the redelivery.
 */
@ApplicationScoped
public class Inbox {

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
}
