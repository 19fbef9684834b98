package io.aegisops.remediation.service;

/**
 * CDI event fired when a transaction records an intent to act. Observed after a successful commit so the worker
 * claims the intent at once instead of at its next poll; an intent that rolls back is never seen.
 */
public record IntentRecorded() {
}
