package io.aegisops.remediation.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.RemediationStage;
import io.aegisops.remediation.domain.Remediation;
import io.aegisops.remediation.domain.RemediationState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands work to exactly one process. Rows are picked with {@code FOR UPDATE SKIP LOCKED}, so replicas never take
 * the same row, and claimed with an owner and a lease. A PENDING intent is claimed by marking it ACTING, which
 * commits before the Docker call: that commit is what makes a second run impossible. An ACTING or VERIFYING row
 * whose lease ran out belongs to a process that died; it is resumed at verification, never re-run.
 */
@ApplicationScoped
public class Claims {

    private final EntityManager entityManager;
    private final StageRecorder stages;

    public Claims(EntityManager entityManager, StageRecorder stages) {
        this.entityManager = entityManager;
        this.stages = stages;
    }

    /**
     * One unit of work for this process.
     *
     * @param resumed         true when a previous owner died: verify only, never act
     * @param actionStartedAt when the action was claimed, before any call to the engine
     * @param startedAtBefore the container's State.StartedAt read before the call, when a previous owner recorded it
     */
    public record Claim(UUID remediationId, String containerId, Action action, Duration stopTimeout, boolean resumed,
                        OffsetDateTime actionStartedAt, String startedAtBefore) {
    }

    /** Claims the oldest intent whose container has nothing else in flight. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> claimPending(String owner, Duration lease) {
        List<?> ids = entityManager.createNativeQuery("""
                        select r.id from remediation r
                        where r.state = 'PENDING'
                          and not exists (select 1 from remediation o
                                          where o.container_id = r.container_id and o.state in ('ACTING', 'VERIFYING'))
                        order by r.intended_at
                        limit 1
                        for update skip locked""")
                .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Remediation remediation = entityManager.find(Remediation.class, toUuid(ids.get(0)));
        remediation.moveTo(RemediationState.ACTING, remediation.reason);
        remediation.actionStartedAt = Outcomes.now();
        take(remediation, owner, lease);
        // Flushed here so the one-in-flight-per-container index rejects a racing replica before the Docker call.
        entityManager.flush();
        return Optional.of(new Claim(remediation.id, remediation.containerId, remediation.action,
                Duration.ofSeconds(remediation.stopTimeoutSeconds == null ? 10 : remediation.stopTimeoutSeconds), false,
                remediation.actionStartedAt, null));
    }

    /**
     * Takes over an action whose owner stopped renewing its lease, and moves it on to verification. Rows this very
     * process owns are left alone: it is still working on them and only its renewal was late.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> claimInterrupted(String owner, Duration lease) {
        List<?> ids = entityManager.createNativeQuery("""
                        select id from remediation
                        where state in ('ACTING', 'VERIFYING') and (lease_until is null or lease_until < now())
                          and (owner is null or owner <> :owner)
                        order by action_started_at nulls first
                        limit 1
                        for update skip locked""")
                .setParameter("owner", owner)
                .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        Remediation remediation = entityManager.find(Remediation.class, toUuid(ids.get(0)));
        String previousOwner = remediation.owner;
        take(remediation, owner, lease);
        if (remediation.state == RemediationState.ACTING) {
            String reason = "resumed after remediation-service stopped mid-action (owner " + previousOwner
                    + "): the action had started but its outcome was not recorded, so it is verified instead of repeated";
            remediation.moveTo(RemediationState.VERIFYING, reason);
            stages.record(remediation, RemediationStage.VERIFYING, "remediation-service (recovery)", reason,
                    Map.of("resumed", true, "outcome", "UNKNOWN"));
        }
        return Optional.of(new Claim(remediation.id, remediation.containerId, remediation.action, Duration.ZERO, true,
                remediation.actionStartedAt, remediation.startedAtBefore));
    }

    /** Extends the lease of everything this process is working on. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int renew(String owner, Duration lease) {
        return entityManager.createNativeQuery("""
                        update remediation set lease_until = :until
                        where owner = :owner and state in ('ACTING', 'VERIFYING')""")
                .setParameter("until", Outcomes.now().plus(lease))
                .setParameter("owner", owner)
                .executeUpdate();
    }

    private static void take(Remediation remediation, String owner, Duration lease) {
        remediation.owner = owner;
        OffsetDateTime now = Outcomes.now();
        remediation.leaseUntil = now.plus(lease);
    }

    private static UUID toUuid(Object value) {
        return value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
    }
}
