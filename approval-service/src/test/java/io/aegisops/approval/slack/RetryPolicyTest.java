package io.aegisops.approval.slack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry schedule: backoff doubling to its cap, Retry-After honoured (and capped), and when to stop. */
class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(30),
            Duration.ofMinutes(15), 4);

    @Test
    void shouldDoubleTheBackoffAfterEachFailureUpToTheCap() {
        assertThat(policy.delayAfter(1, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(2, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(3, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.delayAfter(5, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(60, null)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldWaitWhatRetryAfterSaysButNotForHours() {
        assertThat(policy.delayAfter(1, Duration.ofSeconds(45))).isEqualTo(Duration.ofSeconds(45));
        assertThat(policy.delayAfter(1, Duration.ofHours(3))).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        assertThat(policy.exhausted(3)).isFalse();
        assertThat(policy.exhausted(4)).isTrue();
    }

    @Test
    void shouldReadRetryAfterInSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        assertThat(RetryPolicy.parseRetryAfter("30", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryPolicy.parseRetryAfter(" 0 ", now)).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("Sun, 22 Nov 2026 10:01:30 GMT", now)).contains(Duration.ofSeconds(90));
        assertThat(RetryPolicy.parseRetryAfter("Sun, 22 Nov 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("-5", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter("soon", now)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(null, now)).isEmpty();
    }
}
