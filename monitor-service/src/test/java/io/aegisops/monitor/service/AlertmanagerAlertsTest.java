package io.aegisops.monitor.service;

import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.Severity;
import io.aegisops.kit.rest.ApiError;
import io.aegisops.kit.rest.InvalidRequestException;
import io.aegisops.monitor.rest.AlertmanagerWebhook;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AlertmanagerAlertsTest {

    private static final OffsetDateTime STARTS = OffsetDateTime.parse("2026-11-22T10:00:00Z");

    private static AlertmanagerWebhook webhook(AlertmanagerWebhook.Alert... alerts) {
        return new AlertmanagerWebhook("4", "{}:{}", "firing", "aegis", Map.of(), Map.of(), Map.of(), null,
                List.of(alerts));
    }

    private static AlertmanagerWebhook.Alert alert(String status, Map<String, String> labels, String fingerprint) {
        return new AlertmanagerWebhook.Alert(status, labels, Map.of("summary", "it hurts"), STARTS,
                OffsetDateTime.parse("0001-01-01T00:00:00Z"), "http://prom/graph", fingerprint);
    }

    @Test
    void shouldMapTargetFromTheMostSpecificLabel() {
        NewAlert alert = AlertmanagerAlerts.validate(webhook(alert("firing",
                Map.of("alertname", "HighMemoryUsage", "service", "buggy-app", "instance", "10.0.0.1:8080",
                        "severity", "critical"), "fp1"))).get(0);

        assertThat(alert.target()).isEqualTo("buggy-app");
        assertThat(alert.type()).isEqualTo(AlertType.MEMORY_PRESSURE);
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.source()).isEqualTo(AlertSource.ALERTMANAGER);
        assertThat(alert.fingerprint()).isEqualTo("fp1");
        assertThat(alert.summary()).isEqualTo("it hurts");
        assertThat(alert.observedAt()).isEqualTo(STARTS);
    }

    @Test
    void shouldGroupOnItsOwnFingerprintWhenNoLabelNamesATarget() {
        NewAlert alert = AlertmanagerAlerts.validate(webhook(alert("firing",
                Map.of("alertname", "Weird"), "abcd"))).get(0);

        assertThat(alert.target()).isEqualTo("fingerprint:abcd");
        assertThat(alert.type()).isEqualTo(AlertType.EXTERNAL);
    }

    @Test
    void shouldComputeALabelFingerprintWhenAlertmanagerSentNone() {
        Map<String, String> labels = Map.of("alertname", "X", "job", "j");
        String first = AlertmanagerAlerts.validate(webhook(alert("firing", labels, null))).get(0).fingerprint();
        String second = AlertmanagerAlerts.validate(webhook(alert("firing", new java.util.TreeMap<>(labels), ""))).get(0).fingerprint();

        assertThat(first).isEqualTo(second).isEqualTo(Fingerprints.ofLabels(labels));
    }

    @Test
    void shouldPreferAnExplicitAegisType() {
        assertThat(AlertmanagerAlerts.typeOf(Map.of("alertname", "HighMemory", "aegis_type", "latency")))
                .isEqualTo(AlertType.LATENCY);
        assertThat(AlertmanagerAlerts.typeOf(Map.of("alertname", "ContainerOOMKilled"))).isEqualTo(AlertType.OOM_KILLED);
        assertThat(AlertmanagerAlerts.typeOf(Map.of("alertname", "InstanceDown"))).isEqualTo(AlertType.UNHEALTHY);
    }

    @Test
    void shouldRejectTheWholeNotificationNamingEachBadAlert() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> AlertmanagerAlerts.validate(new AlertmanagerWebhook("3", null, null, null, null, null, null,
                        null, List.of(
                        alert("firing", Map.of("alertname", "ok"), "a"),
                        alert("pending", Map.of("job", "x"), "b")))));

        assertThat(e.violations()).extracting(ApiError.Violation::field)
                .containsExactlyInAnyOrder("version", "alerts[1].status", "alerts[1].labels.alertname");
    }

    @Test
    void shouldUseEndsAtAsTheObservationOfAResolvedAlert() {
        AlertmanagerWebhook.Alert resolved = new AlertmanagerWebhook.Alert("resolved",
                Map.of("alertname", "HighCpu", "service", "s"), Map.of(), STARTS, STARTS.plusMinutes(5), null, "f");

        NewAlert alert = AlertmanagerAlerts.validate(webhook(resolved)).get(0);

        assertThat(alert.firing()).isFalse();
        assertThat(alert.observedAt()).isEqualTo(STARTS.plusMinutes(5));
    }
}
