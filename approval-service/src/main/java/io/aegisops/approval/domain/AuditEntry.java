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
import java.util.List;
import java.util.UUID;

/**
 * One line of the audit trail: who did what to an approval, when and why. Written in the transaction of the
 * change it records and never updated, so the trail cannot disagree with the approvals. Comments are entries
 * too, which keeps "everything that happened to this incident" one ordered query.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Insertion order; ties of {@link #at} keep the order things happened in. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "approval_id", nullable = false)
    public UUID approvalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditKind kind;

    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    public ApprovalDecision.Kind decision;

    @Enumerated(EnumType.STRING)
    public Action action;

    /** The why: a decision's reason or feedback, a comment's text, a timeout's explanation. */
    @Column(columnDefinition = "text")
    public String text;

    @Column(nullable = false)
    public OffsetDateTime at;

    public static AuditEntry record(Approval approval, AuditKind kind, String actor, ApprovalDecision.Kind decision,
                                    Action action, String text, OffsetDateTime at) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.incidentId = approval.incidentId;
        entry.approvalId = approval.id;
        entry.kind = kind;
        entry.actor = actor;
        entry.decision = decision;
        entry.action = action;
        entry.text = text;
        entry.at = at;
        entry.persist();
        return entry;
    }

    public static List<AuditEntry> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by seq", incidentId);
    }

    public static List<AuditEntry> commentsOf(UUID approvalId) {
        return list("approvalId = ?1 and kind = ?2 order by seq", approvalId, AuditKind.COMMENTED);
    }
}
