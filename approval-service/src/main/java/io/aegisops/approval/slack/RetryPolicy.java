package io.aegisops.approval.slack;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to try a notification again: Slack's Retry-After when it gives one (capped), otherwise exponential
 * backoff; and when to give up. Pure, so the schedule is unit-tested rather than waited for.
 */
public final class RetryPolicy {

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final int maxAttempts;

    public RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter, int maxAttempts) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxRetryAfter = maxRetryAfter;
        this.maxAttempts = maxAttempts;
    }

    public static RetryPolicy of(SlackConfig.Delivery delivery) {
        return new RetryPolicy(delivery.initialBackoff(), delivery.maxBackoff(), delivery.maxRetryAfter(),
                delivery.maxAttempts());
    }

    /** True once {@code attempts} have been made and none may follow. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /**
     * @param attempts   attempts made so far (at least 1)
     * @param retryAfter what the server asked for, if anything
     */
    public Duration delayAfter(int attempts, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
        }
        Duration delay = initialBackoff;
        for (int i = 1; i < attempts && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /**
     * Reads a Retry-After header: delay-seconds (what Slack sends) or an HTTP-date (RFC 9110).
     *
     * @return empty when absent or unreadable
     */
    public static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(now, at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
