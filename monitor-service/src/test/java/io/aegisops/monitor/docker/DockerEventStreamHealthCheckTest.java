package io.aegisops.monitor.docker;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DockerEventStreamHealthCheckTest {

    private static HealthCheckResponse check(TestDockerConfig config) {
        DockerEventWatcher watcher = new DockerEventWatcher(null, new CapturingAlertSink(), config,
                Clock.systemUTC(), (id, lines) -> List.of());
        return new DockerEventStreamHealthCheck(watcher, config).call();
    }

    @Test
    void shouldReportUpAndDisabledWhenTheDockerIntakeIsOff() {
        HealthCheckResponse response = check(TestDockerConfig.defaults().withEnabled(false));

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("status", "disabled"));
    }

    @Test
    void shouldReportDownWhileTheEventStreamIsNotConnected() {
        HealthCheckResponse response = check(TestDockerConfig.defaults());

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("status", "disconnected"));
    }
}
