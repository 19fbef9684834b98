package io.aegisops.kit.outbox;

/**
 * CDI event fired when a transaction writes to the outbox. Observed after a successful commit so the relay
 * sends at once instead of waiting for its next poll; the poll remains the safety net.
 */
public record OutboxWritten() {
}
