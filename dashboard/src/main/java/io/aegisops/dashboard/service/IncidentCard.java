package io.aegisops.dashboard.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.Citation;
import io.aegisops.contract.Claim;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Severity;
import io.aegisops.contract.ToolCall;

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
 * @param investigation the latest investigation monitor-service made, null before the first
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
        InvestigationFacts investigation,
        ApprovalFacts approval,
        RemediationFacts remediation,
        Durations durations,
        int eventCount) {

    /**
     * The diagnosis behind the proposed action.
     *
     * @param learningAdjustment confidence minus base confidence: what diagnosis-service learned from past outcomes
     * @param corroborated       the claim it acts on is shown by facts AegisOps observed itself; when false a human
     *                           decides
     * @param investigationId    the investigation whose facts its FACT citations name, null when none
     * @param citations          the facts, runbook sections and past incidents it rests on
     */
    public record DiagnosisFacts(String id, int revision, String rootCause, Action action, double confidence,
                                 double baseConfidence, double learningAdjustment, List<String> evidence,
                                 String justification, String engine, String ruleId, OffsetDateTime at,
                                 boolean corroborated, String investigationId, List<Citation> citations) {
    }

    /**
     * What monitor-service observed itself before anyone decided, so the room can check each claim against facts.
     * Fact values (log lines and the like) stay in the stored event: the card carries each fact's one-line summary.
     *
     * @param claims    one per alert type: corroborated or not, by which facts, why
     * @param toolCalls every read-only call made, with its duration and outcome
     */
    public record InvestigationFacts(String id, String container, String triggerAlertId, OffsetDateTime startedAt,
                                     OffsetDateTime completedAt, List<FactRow> facts, List<Claim> claims,
                                     List<ToolCall> toolCalls) {
    }

    /** One observed fact as the page lists it; {@code id} is what FACT citations name. */
    public record FactRow(String id, String name, String source, String summary, OffsetDateTime observedAt) {
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
