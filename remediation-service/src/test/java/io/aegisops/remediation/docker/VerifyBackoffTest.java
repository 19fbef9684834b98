package io.aegisops.remediation.docker;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifyBackoffTest {

    @Test
    void shouldDoubleFrom250MillisecondsUpToTwoSeconds() {
        VerifyBackoff backoff = new VerifyBackoff(Duration.ofMillis(250), Duration.ofSeconds(2));

        assertThat(IntStream.range(0, 6).mapToObj(i -> backoff.next().toMillis()))
                .containsExactly(250L, 500L, 1000L, 2000L, 2000L, 2000L);
    }

    @Test
    void shouldRefuseACeilingBelowTheFirstPause() {
        assertThatThrownBy(() -> new VerifyBackoff(Duration.ofSeconds(2), Duration.ofMillis(250)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initial-backoff <= max-backoff");
        assertThatThrownBy(() -> new VerifyBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
