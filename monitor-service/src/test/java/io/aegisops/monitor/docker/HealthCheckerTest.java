package io.aegisops.monitor.docker;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings the health checker refuses before it probes anything (no engine is needed to find out). */
class HealthCheckerTest {

    private static HealthChecker checker(TestDockerConfig config) {
        return new HealthChecker(null, new CapturingAlertSink(), config);
    }

    @Test
    void shouldRefuseANegativeStartPeriodAndStayStopped() {
        HealthChecker checker = checker(TestDockerConfig.defaults().withStartPeriod(Duration.ofSeconds(-1)));

        assertThatThrownBy(checker::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aegis.docker.health-start-period");
        assertThat(checker.isRunning()).isFalse();
    }

    @Test
    void shouldRefuseANonPositiveIntervalAndStayStopped() {
        HealthChecker checker = checker(TestDockerConfig.defaults().withHealth(Duration.ZERO, 3, Duration.ofSeconds(1)));

        assertThatThrownBy(checker::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aegis.docker.health-interval");
        assertThat(checker.isRunning()).isFalse();
    }
}
