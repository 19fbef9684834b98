package io.aegisops.buggy.client;

import io.aegisops.buggy.support.LogCaptureResource;
import io.aegisops.buggy.support.MonitorStandIn;
import io.aegisops.buggy.support.Profiles;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AppAlert;
import io.aegisops.contract.Severity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;

import static io.aegisops.buggy.support.Eventually.within;
import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The self-watch against a stand-in monitor that accepts everything. Heap is always "over" the profile's tiny
 * threshold; latency is crossed by injecting the fault. CPU: {@link CpuSaturationAlertTest}.
 */
@QuarkusTest
@TestProfile(Profiles.MonitorAccepts.class)
class SelfWatchAlertsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Injected by {@link io.aegisops.buggy.support.MonitorStandInResource}. */
    MonitorStandIn monitor;

    /** Injected by {@link LogCaptureResource}. */
    LogCaptureResource.Lines log;

    @AfterEach
    void resetFaults() {
        post("/faults/reset").then().statusCode(200);
    }

    @Test
    void shouldPostTheNativeAlertJsonToTheMonitor() {
        within(WAIT, () -> assertThat(monitor.alertsOfType(AlertType.MEMORY_PRESSURE)).isNotEmpty());

        MonitorStandIn.Received request = monitor.received().stream()
                .filter(r -> r.alert().type() == AlertType.MEMORY_PRESSURE).findFirst().orElseThrow();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/alerts");
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(request.authorization()).isEqualTo("Bearer " + Profiles.MonitorAccepts.INTAKE_TOKEN);
        assertThat(request.json().get("observedAt").isTextual()).as("ISO-8601 time, not a number").isTrue();

        AppAlert alert = request.alert();
        assertThat(alert.service()).isEqualTo("buggy-under-test");
        assertThat(alert.container()).isNotBlank();
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.summary()).contains("heap").contains("threshold 0.01%");
        assertThat(alert.metrics()).containsKeys("heapUsedMb", "heapMaxMb", "heapUsedPercent")
                .containsEntry("heapThresholdPercent", 0.01);
        assertThat(((Number) alert.metrics().get("heapUsedPercent")).doubleValue()).isGreaterThanOrEqualTo(0.01);
        assertThat(alert.evidence()).isNotEmpty().hasSizeLessThanOrEqualTo(20);
        assertThat(alert.evidence()).anyMatch(line -> line.contains("WARN") && line.contains("MEMORY_PRESSURE"));
        assertThat(alert.observedAt()).isBefore(OffsetDateTime.now().plusSeconds(1));
    }

    @Test
    void shouldNeverLogTheIntakeToken() {
        within(WAIT, () -> assertThat(monitor.alertsOfType(AlertType.MEMORY_PRESSURE)).isNotEmpty());

        assertThat(log.all()).as("the capture saw start-up").anyMatch(line -> line.contains("Self-watch alerts go to"));
        assertThat(log.all()).noneMatch(line -> line.contains(Profiles.MonitorAccepts.INTAKE_TOKEN))
                .noneMatch(line -> line.contains("No intake token"));
    }

    @Test
    void shouldSendOneAlertPerTypeWithinTheCooldownHoweverLongTheConditionLasts() {
        within(WAIT, () -> assertThat(monitor.alertsOfType(AlertType.MEMORY_PRESSURE)).isNotEmpty());
        int samplesAtFirstAlert = get("/watch").then().extract().path("samples");

        // Ten more samples, each of them over the heap threshold.
        within(WAIT, () -> assertThat(get("/watch").then().extract().<Integer>path("samples"))
                .isGreaterThanOrEqualTo(samplesAtFirstAlert + 10));

        assertThat(monitor.alertsOfType(AlertType.MEMORY_PRESSURE)).hasSize(1);
        get("/watch").then().body("breaches.type", hasItem("MEMORY_PRESSURE"))
                .body("lastAlerts.MEMORY_PRESSURE.delivery", equalTo("DELIVERED"))
                .body("lastAlerts.MEMORY_PRESSURE.attempts", equalTo(1))
                .body("monitorConfigured", equalTo(true));
    }

    @Test
    void shouldDetectInjectedLatencyWithoutAnyTraffic() {
        post("/faults/latency?ms=1500").then().statusCode(200);

        // No /work calls from here on: only the self-watch's own probe can notice.
        within(WAIT, () -> assertThat(monitor.alertsOfType(AlertType.LATENCY)).isNotEmpty());
        AppAlert alert = monitor.alertsOfType(AlertType.LATENCY).get(0);

        assertThat(alert.service()).isEqualTo("buggy-under-test");
        assertThat(alert.metrics()).containsEntry("latencyThresholdMs", 300);
        double measured = Math.max(((Number) alert.metrics().get("p95Ms")).doubleValue(),
                ((Number) alert.metrics().get("probeInFlightMs")).doubleValue());
        assertThat(measured).isGreaterThanOrEqualTo(300);
        assertThat(alert.evidence()).anyMatch(line -> line.contains("Latency fault"));

        // The probe never piles up: ticks while it runs are skipped, not queued.
        within(WAIT, () -> assertThat(get("/watch").then().extract().<Integer>path("probesSkipped"))
                .isGreaterThan(0));
        assertThat(monitor.alertsOfType(AlertType.LATENCY)).hasSize(1);
    }
}
