package io.aegisops.monitor.docker;

import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.Labels;
import io.aegisops.contract.Severity;
import io.aegisops.monitor.service.NewAlert;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DockerAlertsTest {

    @Test
    void shouldDescribeAFailingHealthCheckAsAWarningFromTheHealthChecker() {
        ProbedContainer container = new ProbedContainer("abc123", "shop-1",
                Map.of(Labels.ENABLE, "true", Labels.SERVICE, "shop"), "shop:1.2",
                URI.create("http://shop:8080/health?token=secret"));
        ProbeResult last = new ProbeResult(false, 503, "HTTP 503", List.of("GET http://shop:8080/health -> HTTP 503", "down"));
        OffsetDateTime now = OffsetDateTime.of(2025, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

        NewAlert alert = DockerAlerts.fromHealthCheck(container, last, 3, now);

        assertThat(alert.type()).isEqualTo(AlertType.UNHEALTHY);
        assertThat(alert.source()).isEqualTo(AlertSource.HEALTH_CHECK);
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.target()).isEqualTo("shop");
        assertThat(alert.service()).isEqualTo("shop");
        assertThat(alert.container()).isEqualTo("shop-1");
        assertThat(alert.summary()).contains("shop-1").contains("3 health checks").doesNotContain("secret");
        assertThat(alert.metrics()).containsEntry("statusCode", 503).containsEntry("consecutiveFailures", 3)
                .containsEntry("containerId", "abc123").containsEntry("image", "shop:1.2")
                .containsEntry("healthUrl", "http://shop:8080/health");
        assertThat(alert.evidence()).containsExactly("GET http://shop:8080/health -> HTTP 503", "down");
        assertThat(alert.fingerprint()).isEqualTo("health:abc123");
        assertThat(alert.observedAt()).isEqualTo(now);
    }
}
