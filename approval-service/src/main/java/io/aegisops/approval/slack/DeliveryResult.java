package io.aegisops.approval.slack;

import java.time.Duration;

/**
 * How one call to Slack went.
 *
 * @param error      why it failed, already free of secrets; null when delivered
 * @param retryAfter Slack's Retry-After (429), null otherwise
 * @param channel    chat.postMessage / chat.update: the channel ID Slack answered with
 * @param ts         chat.postMessage / chat.update: the message's timestamp (its id)
 */
public record DeliveryResult(Outcome outcome, String error, Duration retryAfter, String channel, String ts) {

    public enum Outcome {
        DELIVERED,
        /** Worth another attempt: network trouble, 429, 5xx, Slack's own transient errors. */
        RETRY,
        /** Another attempt would fail the same way: bad token, unknown channel, invalid payload. */
        FAILED
    }

    public static DeliveryResult delivered(String channel, String ts) {
        return new DeliveryResult(Outcome.DELIVERED, null, null, channel, ts);
    }

    public static DeliveryResult retry(String error, Duration retryAfter) {
        return new DeliveryResult(Outcome.RETRY, error, retryAfter, null, null);
    }

    public static DeliveryResult failed(String error) {
        return new DeliveryResult(Outcome.FAILED, error, null, null, null);
    }

    public boolean isDelivered() {
        return outcome == Outcome.DELIVERED;
    }
}
