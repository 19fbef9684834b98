package io.aegisops.approval.service;

import io.aegisops.approval.domain.AuditEntry;
import io.aegisops.approval.domain.AuditKind;
import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;

import java.time.OffsetDateTime;

/**
 * One audit entry: who ({@link #actor}), when ({@link #at}), what ({@link #what}: kind, decision and action in
 * words) and why ({@link #why}: reason, feedback or comment text).
 */
public record AuditView(String id, String incidentId, String approvalId, AuditKind kind, String actor,
                        ApprovalDecision.Kind decision, Action action, String what, String why, OffsetDateTime at) {

    public static AuditView of(AuditEntry e) {
        return new AuditView(e.id.toString(), e.incidentId.toString(), e.approvalId.toString(), e.kind, e.actor,
                e.decision, e.action, describe(e), e.text, e.at);
    }

    private static String describe(AuditEntry e) {
        return switch (e.kind) {
            case REQUESTED -> "approval requested for " + e.action;
            case ESCALATED -> "escalated: still no decision";
            case COMMENTED -> "comment";
            case DECIDED -> e.decision + (e.action == null ? "" : " " + e.action);
        };
    }
}
