package io.aegisops.contract;

/**
 * Steps of a remediation as announced on {@link Topics#REMEDIATIONS}. monitor-service mirrors them into the
 * incident's status and timeline.
 */
public enum RemediationStage {
    /** The policy asked a human; an approval request is on aegis.approvals. */
    AWAITING_APPROVAL,
    /** The action is running against the container. */
    ACTING,
    /** The action ran; health is being verified. */
    VERIFYING,
    /** Verified healthy: the incident is resolved. */
    RESOLVED,
    /** The action failed or health was not restored in time. */
    FAILED,
    /** Handed to humans: low confidence, budget spent, unsafe, unsupported or failed. */
    ESCALATED,
    /** A human rejected the proposed action; nothing was done. */
    REJECTED,
    /** The diagnosis proposed nothing to do. */
    NO_ACTION;

    /** The incident status this stage puts the incident in. */
    public IncidentStatus incidentStatus() {
        return switch (this) {
            case AWAITING_APPROVAL -> IncidentStatus.AWAITING_APPROVAL;
            case ACTING -> IncidentStatus.REMEDIATING;
            case VERIFYING -> IncidentStatus.VERIFYING;
            case RESOLVED, NO_ACTION -> IncidentStatus.RESOLVED;
            case FAILED -> IncidentStatus.FAILED;
            case ESCALATED -> IncidentStatus.ESCALATED;
            case REJECTED -> IncidentStatus.REJECTED;
        };
    }
}
