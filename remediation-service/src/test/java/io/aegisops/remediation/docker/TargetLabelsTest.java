package io.aegisops.remediation.docker;

import io.aegisops.contract.Labels;
import io.aegisops.remediation.service.RestartBudget;
import io.aegisops.remediation.service.TargetPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Labels parse strictly and fall back to the configured defaults, never to something half-understood. */
class TargetLabelsTest {

    private static final RestartBudget DEFAULT_BUDGET = RestartBudget.parse("3/15m");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static ContainerSnapshot withLabels(Map<String, String> labels) {
        return new ContainerSnapshot("0123456789abcdef", "web-1", labels, "running", true, null, "2026-11-22T10:00:00Z");
    }

    @Test
    void shouldReadAValidRestartBudgetLabel() {
        assertThat(TargetLabels.restartBudget(withLabels(Map.of(Labels.RESTART_BUDGET, "1/1h")), DEFAULT_BUDGET))
                .isEqualTo(new RestartBudget(1, Duration.ofHours(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "3/15", "3/15 m", "-2/1h"})
    void shouldFallBackToTheDefaultBudgetForABadLabelAndReportIt(String label) {
        ContainerSnapshot container = withLabels(Map.of(Labels.RESTART_BUDGET, label));

        assertThat(TargetLabels.restartBudget(container, DEFAULT_BUDGET)).isEqualTo(DEFAULT_BUDGET);
        assertThat(TargetLabels.problems(container)).containsEntry(Labels.RESTART_BUDGET, "invalid, default used");
    }

    @Test
    void shouldUseTheDefaultBudgetWithoutALabel() {
        assertThat(TargetLabels.restartBudget(withLabels(Map.of()), DEFAULT_BUDGET)).isSameAs(DEFAULT_BUDGET);
    }

    @Test
    void shouldReadTheStopTimeoutInSecondsWithOrWithoutAnS() {
        assertThat(TargetLabels.stopTimeout(withLabels(Map.of(Labels.STOP_TIMEOUT, "3")), DEFAULT_TIMEOUT))
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(TargetLabels.stopTimeout(withLabels(Map.of(Labels.STOP_TIMEOUT, "30s")), DEFAULT_TIMEOUT))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(TargetLabels.stopTimeout(withLabels(Map.of(Labels.STOP_TIMEOUT, "0")), DEFAULT_TIMEOUT))
                .isEqualTo(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-1", "1.5", "601", "3600", "10m", "PT10S"})
    void shouldFallBackToTheDefaultStopTimeoutForABadLabel(String label) {
        assertThat(TargetLabels.stopTimeout(withLabels(Map.of(Labels.STOP_TIMEOUT, label)), DEFAULT_TIMEOUT))
                .isEqualTo(DEFAULT_TIMEOUT);
    }

    @Test
    void shouldAcceptAnHttpHealthUrlAndDisplayItWithoutSecrets() {
        ContainerSnapshot container = withLabels(Map.of(Labels.HEALTH_URL, "http://user:token@buggy-app:8080/health?key=s3cret"));

        assertThat(TargetLabels.healthUrl(container)).map(TargetLabels::display)
                .contains("http://buggy-app:8080/health");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://buggy-app/health", "buggy-app:8080/health", "http:///health", "http://bad host/"})
    void shouldIgnoreAnUnusableHealthUrlAndReportIt(String label) {
        ContainerSnapshot container = withLabels(Map.of(Labels.HEALTH_URL, label));

        assertThat(TargetLabels.healthUrl(container)).isEmpty();
        assertThat(TargetLabels.problems(container)).containsKey(Labels.HEALTH_URL);
    }

    @Test
    void shouldTreatAnUnknownPolicyAsManualAndNoLabelAsAuto() {
        assertThat(TargetPolicy.fromLabels(Map.of())).isEqualTo(TargetPolicy.AUTO);
        assertThat(TargetPolicy.fromLabels(Map.of(Labels.POLICY, " AUTO "))).isEqualTo(TargetPolicy.AUTO);
        assertThat(TargetPolicy.fromLabels(Map.of(Labels.POLICY, "manual"))).isEqualTo(TargetPolicy.MANUAL);
        assertThat(TargetPolicy.fromLabels(Map.of(Labels.POLICY, "autp"))).isEqualTo(TargetPolicy.MANUAL);
        assertThat(TargetPolicy.isUnrecognised(Map.of(Labels.POLICY, "autp"))).isTrue();
        assertThat(TargetPolicy.isUnrecognised(Map.of(Labels.POLICY, "manual"))).isFalse();
    }

    @Test
    void shouldCallOnlyTheExactOptInValueOptedIn() {
        assertThat(withLabels(Map.of(Labels.ENABLE, "true")).optedIn()).isTrue();
        assertThat(withLabels(Map.of(Labels.ENABLE, "yes")).optedIn()).isFalse();
        assertThat(withLabels(Map.of()).optedIn()).isFalse();
    }
}
