package io.aegisops.remediation.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing of {@code aegis.restart-budget} and accounting of recorded restarts against it. */
class RestartBudgetTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final RestartBudget threePerQuarter = RestartBudget.parse("3/15m");

    @Test
    void shouldParseEveryUnit() {
        assertThat(RestartBudget.parse("3/15m")).isEqualTo(new RestartBudget(3, Duration.ofMinutes(15)));
        assertThat(RestartBudget.parse("10/30s")).isEqualTo(new RestartBudget(10, Duration.ofSeconds(30)));
        assertThat(RestartBudget.parse("5/1h")).isEqualTo(new RestartBudget(5, Duration.ofHours(1)));
        assertThat(RestartBudget.parse("1/2d")).isEqualTo(new RestartBudget(1, Duration.ofDays(2)));
        assertThat(RestartBudget.parse(" 0/15M ")).isEqualTo(new RestartBudget(0, Duration.ofMinutes(15)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3", "3/", "/15m", "3/15", "3/15x", "3 / 15m", "-1/15m", "3/-15m", "3.5/15m",
            "3/1.5h", "3/0m", "1001/1h", "3/31d", "3/15m/2", "three/15m", "3/PT15M"})
    void shouldRejectAnythingButCountSlashNumberUnit(String label) {
        assertThatThrownBy(() -> RestartBudget.parse(label))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("restart budget");
        assertThat(RestartBudget.tryParse(label)).isEmpty();
    }

    @Test
    void shouldRejectAMissingBudget() {
        assertThat(RestartBudget.tryParse(null)).isEmpty();
    }

    @Test
    void shouldDescribeItselfInLabelForm() {
        assertThat(RestartBudget.parse("3/15m").describe()).isEqualTo("3/15m");
        assertThat(RestartBudget.parse("2/90s").describe()).isEqualTo("2/90s");
        assertThat(RestartBudget.parse("2/120m").describe()).isEqualTo("2/2h");
        assertThat(RestartBudget.parse("2/48h").describe()).isEqualTo("2/2d");
    }

    @Test
    void shouldLeaveTheWholeBudgetWithNoRestarts() {
        RestartBudget.Account account = threePerQuarter.account(List.of(), NOW);

        assertThat(account.used()).isZero();
        assertThat(account.left()).isEqualTo(3);
        assertThat(account.spent()).isFalse();
        assertThat(account.nextFreeAt()).isNull();
    }

    @Test
    void shouldCountARestartRecordedJustInsideTheWindow() {
        RestartBudget.Account account = threePerQuarter.account(
                List.of(NOW.minus(Duration.ofMinutes(15)).plusMillis(1)), NOW);

        assertThat(account.used()).isEqualTo(1);
        assertThat(account.left()).isEqualTo(2);
    }

    @Test
    void shouldNoLongerCountARestartRecordedExactlyOneWindowAgo() {
        assertThat(threePerQuarter.account(List.of(NOW.minus(Duration.ofMinutes(15))), NOW).used()).isZero();
    }

    @Test
    void shouldCountARestartRecordedThisVeryInstantButNotOneInTheFuture() {
        assertThat(threePerQuarter.account(List.of(NOW, NOW.plusMillis(1)), NOW).used()).isEqualTo(1);
    }

    @Test
    void shouldBeSpentAfterThreeRestartsAndFreeAgainWhenTheOldestLeavesTheWindow() {
        List<Instant> restarts = List.of(NOW.minus(Duration.ofMinutes(10)), NOW.minus(Duration.ofMinutes(5)),
                NOW.minus(Duration.ofMinutes(1)));

        RestartBudget.Account account = threePerQuarter.account(restarts, NOW);

        assertThat(account.spent()).isTrue();
        assertThat(account.left()).isZero();
        assertThat(account.nextFreeAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(threePerQuarter.account(restarts, account.nextFreeAt()).left()).isEqualTo(1);
    }

    @Test
    void shouldNeverReportANegativeBalanceWhenMoreRestartsThanTheLimitWereRecorded() {
        List<Instant> restarts = List.of(NOW.minusSeconds(40), NOW.minusSeconds(30), NOW.minusSeconds(20),
                NOW.minusSeconds(10));

        RestartBudget.Account account = threePerQuarter.account(restarts, NOW);

        assertThat(account.used()).isEqualTo(4);
        assertThat(account.left()).isZero();
        // Two must leave before one is free again: the second oldest sets the time.
        assertThat(account.nextFreeAt()).isEqualTo(NOW.minusSeconds(30).plus(Duration.ofMinutes(15)));
    }

    @Test
    void shouldTreatAZeroBudgetAsAlwaysSpent() {
        RestartBudget.Account account = RestartBudget.parse("0/15m").account(List.of(), NOW);

        assertThat(account.spent()).isTrue();
        assertThat(account.nextFreeAt()).isNull();
    }
}
