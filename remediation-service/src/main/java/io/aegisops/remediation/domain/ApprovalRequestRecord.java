package io.aegisops.remediation.domain;

import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An approval request we published, and the first decision about it. Exists so that "only the first decision per
 * request counts" holds across redeliveries, replicas and a second decision from another approver.
 */
@Entity
@Table(name = "approval_request")
public class ApprovalRequestRecord extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "remediation_id", nullable = false)
    public UUID remediationId;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Column(nullable = false)
    public String reason;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Enumerated(EnumType.STRING)
    public ApprovalDecision.Kind decision;

    @Enumerated(EnumType.STRING)
    @Column(name = "decided_action")
    public Action decidedAction;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    public boolean isDecided() {
        return decision != null;
    }

    public static Optional<ApprovalRequestRecord> findForUpdate(UUID requestId) {
        return Optional.ofNullable(findById(requestId, LockModeType.PESSIMISTIC_WRITE));
    }

    public static List<ApprovalRequestRecord> ofRemediation(UUID remediationId) {
        return list("remediationId = ?1 order by requestedAt", remediationId);
    }
}
