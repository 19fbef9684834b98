package io.aegisops.monitor.docker;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping's names and defaults, read by SmallRye Config with Quarkus' duration syntax ({@code 2s}). */
class DockerConfigTest {

    private static DockerConfig read(Map<String, String> properties) {
        // Default interceptors expand ${...} expressions, as Quarkus does.
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withMapping(DockerConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(DockerConfig.class);
    }

    @Test
    void shouldDefaultToAnEnabledIntakeOnTheLocalSocket() {
        DockerConfig config = read(Map.of());

        assertThat(config.enabled()).isTrue();
        assertThat(config.host()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(config.healthInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.healthFailures()).isEqualTo(3);
        assertThat(config.healthStartPeriod()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.healthTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.logTail()).isEqualTo(20);
        assertThat(config.killWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.reconnectBackoff().min()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.reconnectBackoff().max()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldTakeTheEngineAddressFromDockerHostWhenSet() {
        assertThat(read(Map.of("DOCKER_HOST", "tcp://docker-proxy:2375")).host()).isEqualTo("tcp://docker-proxy:2375");
    }

    @Test
    void shouldLetAnExplicitPropertyWinOverDockerHost() {
        DockerConfig config = read(Map.of("DOCKER_HOST", "tcp://docker-proxy:2375",
                "aegis.docker.host", "unix:///run/user/1000/docker.sock"));

        assertThat(config.host()).isEqualTo("unix:///run/user/1000/docker.sock");
    }

    @Test
    void shouldReadTheDocumentedPropertyNames() {
        DockerConfig config = read(Map.of(
                "aegis.docker.enabled", "false",
                "aegis.docker.health-interval", "500ms",
                "aegis.docker.health-failures", "5",
                "aegis.docker.health-start-period", "90s",
                "aegis.docker.health-timeout", "PT2S",
                "aegis.docker.log-tail", "50",
                "aegis.docker.kill-window", "2m",
                "aegis.docker.reconnect-backoff.min", "250ms",
                "aegis.docker.reconnect-backoff.max", "1m"));

        assertThat(config.enabled()).isFalse();
        assertThat(config.healthInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.healthFailures()).isEqualTo(5);
        assertThat(config.healthStartPeriod()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.healthTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.logTail()).isEqualTo(50);
        assertThat(config.killWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.reconnectBackoff().min()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.reconnectBackoff().max()).isEqualTo(Duration.ofMinutes(1));
    }
}
