package io.aegisops.monitor.docker;

import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.Topics;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.aegisops.monitor.docker.DockerTestEngine.optedIn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Docker intake inside the running service: docker-java on the httpclient5 transport works in Quarkus,
 * the watcher starts with the application, the readiness probe reports it, and a crash travels through the
 * real alert sink to the alerts topic.
 */
@QuarkusTest
@TestProfile(DockerIntakeQuarkusIT.DockerIntakeOn.class)
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "monitor"))
class DockerIntakeQuarkusIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;
    private DockerTestEngine engine;

    /** Turns on what the %test profile turns off: this test has a real engine to watch. */
    public static class DockerIntakeOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aegis.docker.enabled", "true");
        }
    }

    @BeforeAll
    static void connectKafka() {
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void disconnectKafka() {
        kafka.close();
    }

    @BeforeEach
    void requireEngine() {
        engine = new DockerTestEngine();
        engine.requireImage();
    }

    @AfterEach
    void removeContainers() throws Exception {
        engine.close();
    }

    private static String dockerEventsStatus() {
        return given().get("/q/health/ready").then().extract().jsonPath()
                .getString("checks.find { it.name == 'docker-events' }.data.status");
    }

    @Test
    void shouldReportTheConnectedEventStreamOnTheReadinessProbe() {
        Await.until("the readiness probe reports the Docker event stream connected", WAIT,
                () -> "connected".equals(dockerEventsStatus()));
    }

    @Test
    void shouldPublishTheCrashOfALabelledContainerAsAnIncident() {
        Await.until("the Docker event stream is connected", WAIT, () -> "connected".equals(dockerEventsStatus()));
        String name = engine.name("quarkus-crash");

        engine.runToExit(name, optedIn(), "echo 'about to fail'; exit 3");

        CloudEvent event = kafka.awaitEvents(Topics.ALERTS, e -> EventTypes.INCIDENT_OPENED.equals(e.type())
                && name.equals(EventCodec.data(e, AlertEvent.class).alert().container()), 1, WAIT).get(0);
        AlertEvent data = EventCodec.data(event, AlertEvent.class);
        assertThat(data.alert().type()).isEqualTo(AlertType.CRASH);
        assertThat(data.alert().source()).isEqualTo(AlertSource.DOCKER_EVENT);
        assertThat(data.alert().evidence()).contains("about to fail");
        assertThat(data.incident().target()).isEqualTo(name);
    }
}
