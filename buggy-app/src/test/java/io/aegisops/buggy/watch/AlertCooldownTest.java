package io.aegisops.buggy.watch;

import io.aegisops.contract.AlertType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AlertCooldownTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void shouldAllowTheFirstAlertOfAType() {
        AlertCooldown cooldown = new AlertCooldown(Duration.ofSeconds(60));

        assertThat(cooldown.tryAcquire(AlertType.LATENCY, T0)).isTrue();
        assertThat(cooldown.lastAllowed(AlertType.LATENCY)).contains(T0);
    }

    @Test
    void shouldHoldBackTheSameTypeWithinTheCooldown() {
        AlertCooldown cooldown = new AlertCooldown(Duration.ofSeconds(60));
        cooldown.tryAcquire(AlertType.LATENCY, T0);

        assertThat(cooldown.tryAcquire(AlertType.LATENCY, T0.plusSeconds(1))).isFalse();
        assertThat(cooldown.tryAcquire(AlertType.LATENCY, T0.plusSeconds(59))).isFalse();
        assertThat(cooldown.lastAllowed(AlertType.LATENCY)).contains(T0);
    }

    @Test
    void shouldKeepEachTypeOnItsOwnCooldown() {
        AlertCooldown cooldown = new AlertCooldown(Duration.ofSeconds(60));
        cooldown.tryAcquire(AlertType.LATENCY, T0);

        assertThat(cooldown.tryAcquire(AlertType.MEMORY_PRESSURE, T0.plusSeconds(1))).isTrue();
        assertThat(cooldown.tryAcquire(AlertType.CPU_SATURATION, T0.plusSeconds(1))).isTrue();
    }

    @Test
    void shouldAllowTheTypeAgainOnceTheCooldownHasPassed() {
        AlertCooldown cooldown = new AlertCooldown(Duration.ofSeconds(60));
        cooldown.tryAcquire(AlertType.LATENCY, T0);

        assertThat(cooldown.tryAcquire(AlertType.LATENCY, T0.plusSeconds(60))).isTrue();
        assertThat(cooldown.tryAcquire(AlertType.LATENCY, T0.plusSeconds(61))).isFalse();
    }
}
