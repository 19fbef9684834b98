package io.aegisops.approval.domain;

/** Delivery state of a notification. */
public enum NotificationStatus {
    /** Not delivered yet: waiting for its turn, or for its next attempt after a failure. */
    PENDING,
    /** Slack accepted it. */
    DELIVERED,
    /** Slack refused it for good, or every attempt failed; {@code lastError} says why. */
    FAILED,
    /** Slack is not configured: the message went to the service log instead. */
    LOGGED
}
