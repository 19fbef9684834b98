package io.aegisops.buggy.client;

import io.aegisops.buggy.support.MonitorStandIn;
import io.aegisops.buggy.support.Profiles;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AppAlert;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import static io.aegisops.buggy.support.Eventually.within;
import static io.restassured.RestAssured.post;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@TestProfile(Profiles.CpuSaturation.class)
class CpuSaturationAlertTest {

    MonitorStandIn monitor;

    @AfterEach
    void resetFaults() {
        post("/faults/reset").then().statusCode(200);
    }

    @Test
    void shouldReportSustainedCpuSaturationCausedByBusyThreads() {
        post("/faults/cpu?threads=32").then().statusCode(200);
        // Only alerts raised once the threads surely spin count: a busy test JVM may have raised some before.
        OffsetDateTime injected = OffsetDateTime.now();

        within(Duration.ofSeconds(60), () -> assertThat(alertsSince(injected)).isNotEmpty());
        AppAlert alert = alertsSince(injected).get(0);

        assertThat(alert.service()).isEqualTo("buggy-under-test");
        assertThat(alert.metrics())
                .containsEntry("cpuThresholdPercent", (double) Profiles.CpuSaturation.THRESHOLD_PERCENT)
                .containsEntry("requiredSamples", Profiles.CpuSaturation.SAMPLES)
                .containsEntry("processors", Runtime.getRuntime().availableProcessors());
        assertThat(((Number) alert.metrics().get("cpuPercent")).doubleValue())
                .isGreaterThanOrEqualTo(Profiles.CpuSaturation.THRESHOLD_PERCENT);
        assertThat(((Number) alert.metrics().get("consecutiveSamples")).intValue())
                .isGreaterThanOrEqualTo(Profiles.CpuSaturation.SAMPLES);
        assertThat(alert.evidence()).anyMatch(line -> line.contains("CPU fault: started 32 busy threads"));
    }

    private List<AppAlert> alertsSince(OffsetDateTime since) {
        return monitor.alertsOfType(AlertType.CPU_SATURATION).stream()
                .filter(a -> a.observedAt().isAfter(since)).toList();
    }
}
