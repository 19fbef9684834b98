package io.aegisops.contract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Data of {@link EventTypes#APPROVAL_REQUESTED} on {@link Topics#APPROVALS}: remediation-service asks a human
 * before acting.
 *
 * @param requestId      approval request id (UUID); decisions refer to it
 * @param incidentId     the incident
 * @param remediationId  the remediation waiting for the decision
 * @param diagnosisId    the diagnosis behind the proposal
 * @param target         the incident's target
 * @param container      the container the action would touch
 * @param proposedAction what would be done if approved
 * @param confidence     the diagnosis' confidence
 * @param rootCause      the diagnosed cause
 * @param evidence       the diagnosis' evidence
 * @param reason         why a human is needed (confidence band, action needs approval, manual policy…)
 * @param requestedAt    when it was asked
 * @param citations      the diagnosis' citations (facts, runbook sections, past incidents), so the person asked can
 *                       check what it rests on; absent in an event of an older producer = none
 */
public record ApprovalRequest(
        String requestId,
        String incidentId,
        String remediationId,
        String diagnosisId,
        String target,
        String container,
        Action proposedAction,
        double confidence,
        String rootCause,
        List<String> evidence,
        String reason,
        OffsetDateTime requestedAt,
        List<Citation> citations) {

    public ApprovalRequest {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
