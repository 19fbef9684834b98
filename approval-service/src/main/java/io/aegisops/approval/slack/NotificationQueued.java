package io.aegisops.approval.slack;

/**
 * CDI event fired when a transaction queues a notification. Observed after a successful commit so the sender
 * starts at once instead of at its next poll, and never sends a row whose transaction rolled back.
 */
public record NotificationQueued() {
}
