package io.aegisops.monitor.docker;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One alert per unhealthy period: after N failures in a row, and again only once the container recovered; failures
 * of a run that is still starting do not count.
 */
class HealthStreakTest {

    private static final Duration PERIOD = Duration.ofSeconds(60);
    private static final String FIRST_RUN = "2026-11-27T04:39:50.221234567Z";
    private static final String SECOND_RUN = "2026-11-27T04:45:23.440000001Z";

    private static void observe(HealthStreak streak, String run) {
        streak.observeRun(run, Instant.parse(run));
    }

    private static Instant after(String run, int seconds) {
        return Instant.parse(run).plusSeconds(seconds);
    }

    @Test
    void shouldTreatAFreshRunAsStartingUntilItsStartPeriodEnds() {
        HealthStreak streak = new HealthStreak(3);
        observe(streak, FIRST_RUN);

        assertThat(streak.starting(after(FIRST_RUN, 5), PERIOD)).isTrue();
        assertThat(streak.starting(after(FIRST_RUN, 59), PERIOD)).isTrue();
        assertThat(streak.starting(after(FIRST_RUN, 60), PERIOD)).isFalse();
    }

    @Test
    void shouldEndTheStartPeriodAtTheFirstHealthyAnswer() {
        HealthStreak streak = new HealthStreak(3);
        observe(streak, FIRST_RUN);
        streak.succeeded();

        assertThat(streak.starting(after(FIRST_RUN, 5), PERIOD)).isFalse();
    }

    @Test
    void shouldGiveARestartedContainerAFreshRunWithoutItsFailures() {
        HealthStreak streak = new HealthStreak(3);
        observe(streak, FIRST_RUN);
        streak.succeeded();
        assertThat(failures(streak, 2)).containsExactly(false, false);

        observe(streak, SECOND_RUN);

        assertThat(streak.failures()).isZero();
        assertThat(streak.starting(after(SECOND_RUN, 5), PERIOD)).isTrue();
        assertThat(streak.starting(after(SECOND_RUN, 61), PERIOD)).isFalse();
        assertThat(failures(streak, 3)).containsExactly(false, false, true);
    }

    @Test
    void shouldKeepCountingWhenTheSameRunIsObservedAgain() {
        HealthStreak streak = new HealthStreak(3);
        observe(streak, FIRST_RUN);
        streak.succeeded();
        streak.failed();

        observe(streak, FIRST_RUN);

        assertThat(streak.failures()).isEqualTo(1);
        assertThat(streak.starting(after(FIRST_RUN, 5), PERIOD)).isFalse();
    }

    @Test
    void shouldCountFailuresWhenTheRunIsUnknownOrNoPeriodIsSet() {
        HealthStreak unknown = new HealthStreak(3);
        HealthStreak noPeriod = new HealthStreak(3);
        observe(noPeriod, FIRST_RUN);

        assertThat(unknown.runUnknown()).isTrue();
        assertThat(unknown.starting(Instant.now(), PERIOD)).isFalse();
        assertThat(noPeriod.runUnknown()).isFalse();
        assertThat(noPeriod.starting(after(FIRST_RUN, 0), Duration.ZERO)).isFalse();
    }

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
