package io.aegisops.approval.domain;

/** What an audit entry records. */
public enum AuditKind {
    /** remediation-service asked for a decision. */
    REQUESTED,
    /** Nobody answered within the first timeout; people were reminded. */
    ESCALATED,
    /** A human decided (or the second timeout expired the approval, decision EXPIRE). */
    DECIDED,
    /** Someone commented. */
    COMMENTED
}
