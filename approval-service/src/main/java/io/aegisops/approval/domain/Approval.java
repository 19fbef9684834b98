package io.aegisops.approval.domain;

import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One question remediation-service asked a human, and its answer. The decision columns are written once, by
 * a conditional update that only matches an open approval ({@code ApprovalService#decide}), so concurrent
 * deciders on any number of replicas cannot both win.
 */
@Entity
@Table(name = "approval")
public class Approval extends PanacheEntityBase {

    /** The ApprovalRequest's requestId: decisions published for it refer to the same id. */
    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "remediation_id")
    public String remediationId;

    @Column(name = "diagnosis_id")
    public String diagnosisId;

    public String target;

    public String container;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_action", nullable = false)
    public Action proposedAction;

    public double confidence;

    @Column(name = "root_cause")
    public String rootCause;

    /** JSON array of strings, as the request carried it. */
    @Column(nullable = false, columnDefinition = "text")
    public String evidence;

    /** JSON array of {@code Citation}s, as the request carried them: what the diagnosis rests on. */
    @Column(nullable = false, columnDefinition = "text")
    public String citations;

    /** Why remediation asked (confidence band, action needs approval, manual policy…). */
    public String reason;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    /** When this service stored it: the timeouts count from here, the moment people could first see it. */
    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApprovalStatus status;

    @Column(name = "escalated_at")
    public OffsetDateTime escalatedAt;

    @Enumerated(EnumType.STRING)
    public ApprovalDecision.Kind decision;

    @Enumerated(EnumType.STRING)
    @Column(name = "decided_action")
    public Action decidedAction;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    public String feedback;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** The decision as published on aegis.approvals. */
    public ApprovalDecision toDecision() {
        return new ApprovalDecision(id.toString(), incidentId.toString(), decision, decidedAction, decidedBy,
                decisionReason, feedback, decidedAt);
    }
}
