package io.aegisops.monitor.docker;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One alert per unhealthy period: after N failures in a row, and again only once the container recovered. */
class HealthStreakTest {

    private static List<Boolean> failures(HealthStreak streak, int count) {
        List<Boolean> raised = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            raised.add(streak.failed());
        }
        return raised;
    }

    @Test
    void shouldAlertExactlyOnceWhenTheThresholdIsReached() {
        HealthStreak streak = new HealthStreak(3);

        assertThat(failures(streak, 6)).containsExactly(false, false, true, false, false, false);
        assertThat(streak.failures()).isEqualTo(6);
    }

    @Test
    void shouldNotAlertWhenFailuresAreInterruptedBySuccesses() {
        HealthStreak streak = new HealthStreak(3);

        List<Boolean> raised = new ArrayList<>(failures(streak, 2));
        streak.succeeded();
        raised.addAll(failures(streak, 2));

        assertThat(raised).containsOnly(false);
    }

    @Test
    void shouldAlertAgainAfterTheContainerWasHealthyInBetween() {
        HealthStreak streak = new HealthStreak(2);
        failures(streak, 3);

        streak.succeeded();

        assertThat(failures(streak, 2)).containsExactly(false, true);
    }

    @Test
    void shouldAlertOnTheFirstFailureWhenTheThresholdIsOne() {
        assertThat(failures(new HealthStreak(1), 2)).containsExactly(true, false);
    }

    @Test
    void shouldRaiseAgainOnTheNextFailureWhenTheAlertCouldNotBeDelivered() {
        HealthStreak streak = new HealthStreak(2);
        failures(streak, 2);

        streak.alertNotDelivered();

        assertThat(failures(streak, 2)).containsExactly(true, false);
    }

    @Test
    void shouldRejectAThresholdBelowOne() {
        assertThatThrownBy(() -> new HealthStreak(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("health-failures");
    }
}
