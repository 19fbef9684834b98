package io.aegisops.remediation.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.RemediationStage;
import io.aegisops.remediation.domain.DiagnosisRecord;
import io.aegisops.remediation.domain.RemediationState;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A remediation with its whole history, as the API shows it: the decision, the action's timings and StartedAt
 * before/after, every published step, every diagnosis revision received and every approval request.
 */
public record RemediationView(
        String id,
        String incidentId,
        String target,
        String diagnosisId,
        int diagnosisRevision,
        Action proposedAction,
        Action action,
        double confidence,
        String rootCause,
        String containerId,
        String containerName,
        RemediationState state,
        String reason,
        String decidedBy,
        OffsetDateTime decidedAt,
        OffsetDateTime intendedAt,
        OffsetDateTime actionStartedAt,
        OffsetDateTime actionEndedAt,
        OffsetDateTime verifiedAt,
        String startedAtBefore,
        String startedAtAfter,
        String approvalRequestId,
        List<Step> steps,
        List<DiagnosisSeen> diagnoses,
        List<Approval> approvals) {

    /** One published stage. */
    public record Step(RemediationStage stage, String actor, String reason, OffsetDateTime at, JsonNode details,
                       String eventId) {
    }

    /** One diagnosis revision and what became of it. */
    public record DiagnosisSeen(String diagnosisId, int revision, Action action, double confidence,
                                OffsetDateTime receivedAt, DiagnosisRecord.Disposition disposition, String note) {
    }

    /** One approval request and its first decision. */
    public record Approval(String requestId, Action action, String reason, OffsetDateTime requestedAt,
                           ApprovalDecision.Kind decision, Action decidedAction, String decidedBy, String decisionReason,
                           OffsetDateTime decidedAt) {
    }
}
