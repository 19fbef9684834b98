package io.aegisops.dockerkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void shouldDoubleTheDelayUpToTheCeiling() {
        Backoff backoff = new Backoff("aegis.docker.reconnect-backoff", Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(new Duration[] {backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next()})
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void shouldStartFromTheFloorAgainAfterASuccessfulConnection() {
        Backoff backoff = new Backoff("aegis.docker.reconnect-backoff", Duration.ofMillis(100), Duration.ofSeconds(30));
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void shouldRejectBoundsThatAreNotPositiveAndOrdered() {
        assertThatThrownBy(() -> new Backoff("aegis.docker.reconnect-backoff", Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aegis.docker.reconnect-backoff");
        assertThatThrownBy(() -> new Backoff("aegis.docker.reconnect-backoff", Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min <= max");
    }
}
