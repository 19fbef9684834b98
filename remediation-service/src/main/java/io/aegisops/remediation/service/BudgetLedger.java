package io.aegisops.remediation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Accounts a container's restart budget from the remediation rows: every RESTART or START intent recorded for the
 * container name counts from the moment it was recorded (a queued restart will run, so it is already spent).
 * Keyed by name rather than id so a container that compose recreated keeps its history.
 */
@ApplicationScoped
public class BudgetLedger {

    private final EntityManager entityManager;

    public BudgetLedger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RestartBudget.Account account(String containerName, RestartBudget budget, Instant now) {
        OffsetDateTime from = OffsetDateTime.ofInstant(now.minus(budget.window()), ZoneOffset.UTC);
        List<?> rows = entityManager.createNativeQuery("""
                        select intended_at from remediation
                        where container_name = :name and action in ('RESTART', 'START')
                          and intended_at is not null and intended_at > :from""")
                .setParameter("name", containerName)
                .setParameter("from", from)
                .getResultList();
        List<Instant> restarts = rows.stream().map(BudgetLedger::toInstant).toList();
        return budget.account(restarts, now);
    }

    /**
     * Serialises decisions about one container until the end of the transaction, so two incidents (or two
     * replicas) cannot both see "one restart left" and both take it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String containerName) {
        entityManager.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", "aegis.remediation.container:" + containerName)
                .getSingleResult();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
