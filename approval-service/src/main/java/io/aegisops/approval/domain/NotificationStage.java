package io.aegisops.approval.domain;

/** Which moment of an incident a notification announces. */
public enum NotificationStage {
    DETECTED,
    DIAGNOSED,
    AWAITING_APPROVAL,
    /** The approval waited longer than the first timeout: a louder reminder. */
    APPROVAL_ESCALATED,
    /** A decision (human or timeout): updates the approval's messages in place when Slack allows it. */
    DECIDED,
    ACTING,
    RESOLVED,
    FAILED,
    ESCALATED,
    REJECTED
}
