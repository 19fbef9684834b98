package io.aegisops.dashboard.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Severity;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One incident as the war room shows it: the fold of every event seen for it. Contains no wall-clock value, so
 * the same events always give an equal card.
 *
 * @param openedAt    when monitor-service opened it (earliest event when the opening was not seen)
 * @param updatedAt   time of the latest event folded in
 * @param closedAt    when it became RESOLVED or REJECTED
 * @param latestAlert the newest alert, in one line
 * @param diagnosis   the latest diagnosis revision, null before the first
 * @param approval    the latest approval request and its decision, null when none was asked
 * @param remediation the latest remediation step, null before the first
 * @param durations   time to detect, diagnose, decide, act and resolve, from the first observation
 * @param eventCount  events folded in
 */
public record IncidentCard(
        String id,
        String target,
        String service,
        String container,
        IncidentStatus status,
        boolean closed,
        Severity severity,
        List<AlertType> alertTypes,
        int alertCount,
        OffsetDateTime firstSeen,
        OffsetDateTime lastSeen,
        OffsetDateTime openedAt,
        OffsetDateTime updatedAt,
        OffsetDateTime closedAt,
        String latestAlert,
        DiagnosisFacts diagnosis,
        ApprovalFacts approval,
        RemediationFacts remediation,
        Durations durations,
        int eventCount) {

    /**
     * The diagnosis behind the proposed action.
     *
     * @param learningAdjustment confidence minus base confidence: what diagnosis-service learned from past outcomes
     */
    public record DiagnosisFacts(String id, int revision, String rootCause, Action action, double confidence,
                                 double baseConfidence, double learningAdjustment, List<String> evidence,
                                 String justification, String engine, String ruleId, OffsetDateTime at) {
    }

    /**
     * The latest question to a human and its answer.
     *
     * @param requestId the approval id at approval-service
     * @param pending   asked, not answered, incident still open: Approve / Reject / Override / Request changes apply
     */
    public record ApprovalFacts(String requestId, Action proposedAction, double confidence, String reason,
                                OffsetDateTime requestedAt, boolean pending, ApprovalDecision.Kind decision,
                                Action decidedAction, String decidedBy, String decisionReason, String feedback,
                                OffsetDateTime decidedAt) {
    }

    /** Where the remediation stands. */
    public record RemediationFacts(String remediationId, Action action, RemediationStage stage, String actor,
                                   String reason, OffsetDateTime at) {
    }

    /**
     * Milliseconds from the first observation of the fault to each milestone; null until reached.
     *
     * @param detectMs   until monitor-service opened the incident
     * @param diagnoseMs until the first diagnosis
     * @param decideMs   until the decision (a human's, or the policy's first step)
     * @param actMs      until the action started
     * @param resolveMs  until RESOLVED
     */
    public record Durations(Long detectMs, Long diagnoseMs, Long decideMs, Long actMs, Long resolveMs) {
    }
}
