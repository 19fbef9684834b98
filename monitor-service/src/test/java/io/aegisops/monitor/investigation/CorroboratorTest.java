package io.aegisops.monitor.investigation;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Claim;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.Fact;
import io.aegisops.contract.FactNames;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each corroboration rule, one row at a time: facts in, one claim out. */
class CorroboratorTest {

    private static final OffsetDateTime ALERT_AT = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private final Corroborator corroborator = new Corroborator(new Thresholds(90, 90, Duration.ofSeconds(5)));
    private final List<Fact> facts = new ArrayList<>();

    private CorroboratorTest fact(String name, Object value) {
        facts.add(new Fact("F" + (facts.size() + 1), name, "engine.inspect", name + "=" + value,
                EventCodec.mapper().valueToTree(value), ALERT_AT));
        return this;
    }

    private Claim claim(AlertType type) {
        return claim(type, ALERT_AT, ALERT_AT);
    }

    private Claim claim(AlertType type, OffsetDateTime observedAt, OffsetDateTime receivedAt) {
        List<Claim> claims = corroborator.claims(List.of(new ClaimedAlert(type, "a-1", observedAt, receivedAt)), facts);
        assertThat(claims).hasSize(1);
        assertThat(claims.get(0).alertType()).isEqualTo(type);
        assertThat(claims.get(0).alertId()).isEqualTo("a-1");
        return claims.get(0);
    }

    private static String id(int factNumber) {
        return "F" + factNumber;
    }

    @Test
    void shouldNotCorroborateACrashOfAContainerRunningSinceBeforeTheAlert() {
        fact(FactNames.STATE, "running").fact(FactNames.EXIT_CODE, 0).fact(FactNames.RESTART_COUNT, 0)
                .fact(FactNames.STARTED_AT, ALERT_AT.minusHours(2).toString());

        Claim claim = claim(AlertType.CRASH);

        assertThat(claim.corroborated()).isFalse();
        assertThat(claim.factIds()).containsExactly(id(1), id(4));
        assertThat(claim.reason()).contains("running since 2026-12-01T10:00:00Z").contains("before the alert");
    }

    @Test
    void shouldCorroborateACrashOfAContainerThatExitedNonZero() {
        fact(FactNames.STATE, "exited").fact(FactNames.EXIT_CODE, 3).fact(FactNames.OOM_KILLED, false);

        Claim claim = claim(AlertType.CRASH);

        assertThat(claim.corroborated()).isTrue();
        assertThat(claim.factIds()).containsExactly(id(1), id(2));
        assertThat(claim.reason()).contains("exit code 3");
    }

    @Test
    void shouldNotCorroborateACrashOfAContainerThatExitedCleanly() {
        fact(FactNames.STATE, "exited").fact(FactNames.EXIT_CODE, 0);

        assertThat(claim(AlertType.CRASH).corroborated()).isFalse();
    }

    @Test
    void shouldCorroborateAnOomKillOfAContainerThatExitedWith137() {
        fact(FactNames.STATE, "exited").fact(FactNames.EXIT_CODE, 137).fact(FactNames.OOM_KILLED, false);

        Claim oom = claim(AlertType.OOM_KILLED);

        assertThat(oom.corroborated()).isTrue();
        assertThat(oom.factIds()).containsExactly(id(1), id(2));
        assertThat(claim(AlertType.CRASH).corroborated()).isTrue();
    }

    @Test
    void shouldCorroborateAnOomKillTheEngineReports() {
        fact(FactNames.STATE, "dead").fact(FactNames.EXIT_CODE, 1).fact(FactNames.OOM_KILLED, true);

        Claim claim = claim(AlertType.OOM_KILLED);

        assertThat(claim.corroborated()).isTrue();
        assertThat(claim.factIds()).containsExactly(id(1), id(3));
    }

    @Test
    void shouldNotCorroborateAnOomKillOfAContainerThatExitedForAnotherReason() {
        fact(FactNames.STATE, "exited").fact(FactNames.EXIT_CODE, 1).fact(FactNames.OOM_KILLED, false);

        Claim claim = claim(AlertType.OOM_KILLED);

        assertThat(claim.corroborated()).isFalse();
        assertThat(claim.factIds()).containsExactly(id(1), id(2), id(3));
    }

    @Test
    void shouldCorroborateACrashOfAContainerThatStartedAgainAfterTheAlert() {
        fact(FactNames.STATE, "running").fact(FactNames.STARTED_AT, ALERT_AT.plusSeconds(1).toString());

        Claim claim = claim(AlertType.CRASH);

        assertThat(claim.corroborated()).isTrue();
        assertThat(claim.factIds()).containsExactly(id(1), id(2));
        assertThat(claim.reason()).contains("started again");
    }

    @Test
    void shouldCorroborateACrashWhenTheRestartCameJustBeforeTheAlertWasRecorded() {
        fact(FactNames.STATE, "running").fact(FactNames.STARTED_AT, ALERT_AT.minusSeconds(3).toString());

        assertThat(claim(AlertType.CRASH).corroborated()).isTrue();
    }

    @Test
    void shouldNotLetABackdatedAlertPassALongRunningContainerOffAsRestarted() {
        fact(FactNames.STATE, "running").fact(FactNames.STARTED_AT, ALERT_AT.minusHours(1).toString());

        Claim claim = claim(AlertType.CRASH, ALERT_AT.minusDays(1), ALERT_AT);

        assertThat(claim.corroborated()).isFalse();
    }

    @Test
    void shouldCorroborateACrashOfAContainerTheEngineIsRestarting() {
        fact(FactNames.STATE, "restarting").fact(FactNames.EXIT_CODE, 2);

        assertThat(claim(AlertType.CRASH).corroborated()).isTrue();
    }

    @Test
    void shouldCorroborateACrashByTheRestartCountWhenTheStartTimeIsUnknown() {
        fact(FactNames.STATE, "running").fact(FactNames.RESTART_COUNT, 2);

        Claim claim = claim(AlertType.CRASH);

        assertThat(claim.corroborated()).isTrue();
        assertThat(claim.factIds()).containsExactly(id(1), id(2));
    }

    @Test
    void shouldNotCorroborateACrashWithoutAnyObservedContainer() {
        Claim claim = claim(AlertType.CRASH);

        assertThat(claim.corroborated()).isFalse();
        assertThat(claim.factIds()).isEmpty();
        assertThat(claim.reason()).contains("no container");
    }

    @Test
    void shouldNotCorroborateACrashOfAContainerThatIsGone() {
        fact(FactNames.STATE, "missing");

        assertThat(claim(AlertType.CRASH).corroborated()).isFalse();
    }

    @Test
    void shouldNotCorroborateACrashOfAPausedContainer() {
        fact(FactNames.STATE, "paused");

        assertThat(claim(AlertType.CRASH).corroborated()).isFalse();
    }

    @Test
    void shouldCorroborateMemoryPressureAtTheThreshold() {
        fact(FactNames.STATE, "running").fact(FactNames.MEMORY_PERCENT, 90.0).fact(FactNames.PROBE_HEALTHY, true);

        Claim claim = claim(AlertType.MEMORY_PRESSURE);

        assertThat(claim.corroborated()).isTrue();
        assertThat(claim.factIds()).containsExactly(id(2));
    }

    @Test
    void shouldNotCorroborateMemoryPressureBelowTheThresholdWithAHealthyProbe() {
        fact(FactNames.MEMORY_PERCENT, 42.5).fact(FactNames.PROBE_HEALTHY, true);

        Claim claim = claim(AlertType.MEMORY_PRESSURE);

        assertThat(claim.corroborated()).isFalse();
        assertThat(claim.factIds()).containsExactly(id(1), id(2));
        assertThat(claim.reason()).contains("42.5%");
    }

    @Test
    void shouldCorroborateMemoryPressureByAnOomKill() {
        fact(FactNames.OOM_KILLED, true).fact(FactNames.MEMORY_PERCENT, 10.0);

        assertThat(claim(AlertType.MEMORY_PRESSURE).factIds()).containsExactly(id(1));
    }

    @Test
    void shouldCorroborateMemoryPressureByAFailedProbe() {
        fact(FactNames.MEMORY_PERCENT, 50.0).fact(FactNames.PROBE_HEALTHY, false);

        Claim claim = claim(AlertType.MEMORY_PRESSURE);

        assertThat(claim.corroborated()).isTrue();
        assertThat(claim.factIds()).containsExactly(id(2));
    }

    @Test
    void shouldNotCorroborateMemoryPressureWithoutAReading() {
        assertThat(claim(AlertType.MEMORY_PRESSURE).corroborated()).isFalse();
    }

    @Test
    void shouldCorroborateCpuSaturationAtTheThresholdOfItsAllowance() {
        fact(FactNames.CPU_PERCENT, 95.0).fact(FactNames.PROBE_HEALTHY, true);

        Claim claim = claim(AlertType.CPU_SATURATION);

        assertThat(claim.corroborated()).isTrue();
        assertThat(claim.factIds()).containsExactly(id(1));
    }

    @Test
    void shouldNotCorroborateCpuSaturationOfAnIdleContainer() {
        fact(FactNames.CPU_PERCENT, 3.0).fact(FactNames.PROBE_HEALTHY, true);

        assertThat(claim(AlertType.CPU_SATURATION).corroborated()).isFalse();
    }

    @Test
    void shouldCorroborateCpuSaturationByAFailedProbe() {
        fact(FactNames.CPU_PERCENT, 3.0).fact(FactNames.PROBE_HEALTHY, false);

        assertThat(claim(AlertType.CPU_SATURATION).corroborated()).isTrue();
    }

    @Test
    void shouldCorroborateHealthClaimsByAFailedProbe() {
        fact(FactNames.STATE, "running").fact(FactNames.PROBE_HEALTHY, false);

        for (AlertType type : List.of(AlertType.UNHEALTHY, AlertType.LATENCY, AlertType.DEPENDENCY_DOWN,
                AlertType.EXTERNAL)) {
            Claim claim = claim(type);
            assertThat(claim.corroborated()).as(type.name()).isTrue();
            assertThat(claim.factIds()).containsExactly(id(2));
        }
    }

    @Test
    void shouldCorroborateHealthClaimsByAnUnhealthyDockerHealthcheck() {
        fact(FactNames.STATE, "running").fact(FactNames.DOCKER_HEALTH, "unhealthy");

        Claim claim = claim(AlertType.UNHEALTHY);

        assertThat(claim.corroborated()).isTrue();
        assertThat(claim.factIds()).containsExactly(id(2));
    }

    @Test
    void shouldCorroborateHealthClaimsOfAContainerThatIsNotRunning() {
        fact(FactNames.STATE, "exited");

        assertThat(claim(AlertType.LATENCY).corroborated()).isTrue();
    }

    @Test
    void shouldNotCorroborateHealthClaimsOfARunningContainerThatAnswersHealthy() {
        fact(FactNames.STATE, "running").fact(FactNames.PROBE_HEALTHY, true).fact(FactNames.DOCKER_HEALTH, "healthy");

        Claim claim = claim(AlertType.UNHEALTHY);

        assertThat(claim.corroborated()).isFalse();
        assertThat(claim.factIds()).containsExactly(id(1), id(2), id(3));
    }

    @Test
    void shouldNotCorroborateHealthClaimsWithoutAnyObservedContainer() {
        assertThat(claim(AlertType.DEPENDENCY_DOWN).corroborated()).isFalse();
    }

    @Test
    void shouldGiveOneClaimPerAlertInTheOrderGiven() {
        fact(FactNames.STATE, "exited").fact(FactNames.EXIT_CODE, 137);

        List<Claim> claims = corroborator.claims(List.of(
                new ClaimedAlert(AlertType.MEMORY_PRESSURE, "a-1", ALERT_AT, ALERT_AT),
                new ClaimedAlert(AlertType.OOM_KILLED, "a-2", ALERT_AT, ALERT_AT)), facts);

        assertThat(claims).extracting(Claim::alertType)
                .containsExactly(AlertType.MEMORY_PRESSURE, AlertType.OOM_KILLED);
        assertThat(claims).extracting(Claim::corroborated).containsExactly(false, true);
    }
}
