package io.aegisops.contract;

import java.time.OffsetDateTime;

/**
 * Data of {@link EventTypes#APPROVAL_DECIDED} on {@link Topics#APPROVALS}: a human's (or a timeout's) answer to
 * an {@link ApprovalRequest}. remediation-service honours the first decision per request and ignores the rest.
 *
 * @param requestId the request decided
 * @param incidentId the incident
 * @param decision  what was decided
 * @param action    for OVERRIDE (and optionally REQUEST_CHANGES): the action to take instead
 * @param actor     who decided
 * @param reason    why (required for REJECT)
 * @param feedback  free text for REQUEST_CHANGES
 * @param decidedAt when
 */
public record ApprovalDecision(
        String requestId,
        String incidentId,
        Kind decision,
        Action action,
        String actor,
        String reason,
        String feedback,
        OffsetDateTime decidedAt) {

    /** The possible answers. */
    public enum Kind {
        APPROVE,
        REJECT,
        OVERRIDE,
        REQUEST_CHANGES,
        /** Nobody answered in time; no action is taken and the incident is escalated. */
        EXPIRE
    }
}
