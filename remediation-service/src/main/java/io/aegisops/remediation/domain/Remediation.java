package io.aegisops.remediation.domain;

import io.aegisops.contract.Action;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The one decision about one incident and the at most one action it leads to. The row is the intent, the
 * "started" mark and the outcome at once, so "has this action run?" is always answered by one committed row.
 */
@Entity
@Table(name = "remediation")
public class Remediation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false, unique = true)
    public UUID incidentId;

    @Column(nullable = false)
    public String target;

    /** The diagnosis revision currently decided on. */
    @Column(name = "diagnosis_id", nullable = false)
    public String diagnosisId;

    @Column(name = "diagnosis_revision", nullable = false)
    public int diagnosisRevision;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_action", nullable = false)
    public Action proposedAction;

    @Column(nullable = false)
    public double confidence;

    @Column(name = "root_cause")
    public String rootCause;

    /** The action decided, approved or substituted; null when none applies. */
    @Enumerated(EnumType.STRING)
    public Action action;

    @Column(name = "container_id")
    public String containerId;

    @Column(name = "container_name")
    public String containerName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RemediationState state;

    /** Why it is in its state, in words for the timeline. */
    public String reason;

    @Column(name = "approval_request_id")
    public UUID approvalRequestId;

    /** Who took the decision that led to the action (the policy, or the approver). */
    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt;

    @Column(name = "intended_at")
    public OffsetDateTime intendedAt;

    @Column(name = "action_started_at")
    public OffsetDateTime actionStartedAt;

    @Column(name = "action_ended_at")
    public OffsetDateTime actionEndedAt;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    /** The container's State.StartedAt before and after the action: proof that it ran, and ran once. */
    @Column(name = "started_at_before")
    public String startedAtBefore;

    @Column(name = "started_at_after")
    public String startedAtAfter;

    @Column(name = "stop_timeout_s")
    public Integer stopTimeoutSeconds;

    /** The process that runs (or verifies) the action, and until when its claim holds without renewal. */
    public String owner;

    @Column(name = "lease_until")
    public OffsetDateTime leaseUntil;

    @Version
    public long version;

    /**
     * Moves to {@code next}, refusing any move the state machine does not allow.
     *
     * @throws IllegalStateException naming both states
     */
    public void moveTo(RemediationState next, String why) {
        if (!RemediationState.canMove(state, next)) {
            throw new IllegalStateException("remediation " + id + " cannot move from " + state + " to " + next);
        }
        state = next;
        reason = why;
    }

    public static Optional<Remediation> findByIncidentForUpdate(UUID incidentId) {
        return find("incidentId", incidentId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public static Optional<Remediation> findForUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }
}
