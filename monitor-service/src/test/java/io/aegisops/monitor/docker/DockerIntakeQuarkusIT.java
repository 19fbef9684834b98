package io.aegisops.monitor.docker;

import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.Topics;
import io.aegisops.monitor.domain.Alert;
import io.aegisops.monitor.service.IncidentService;
import io.aegisops.monitor.service.NewAlert;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.aegisops.testsupport.TestStack;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.aegisops.monitor.docker.DockerTestEngine.optedIn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Docker intake inside the running service: docker-java on the httpclient5 transport works in Quarkus,
 * the watcher starts with the application, the readiness probe reports it, a crash travels through the
 * real alert sink to the alerts topic, and a restart catches up from the position saved in the database.
 */
@QuarkusTest
@TestProfile(DockerIntakeQuarkusIT.DockerIntakeOn.class)
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "monitor"))
class DockerIntakeQuarkusIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;
    private DockerTestEngine engine;

    @Inject
    DockerEventWatcher serviceWatcher;
    @Inject
    IncidentService incidents;
    @Inject
    DatabaseCursorStore cursorStore;
    @Inject
    DockerConfig config;

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

    private static long alertsAbout(String container) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.count("container", container));
    }

    @Test
    void shouldCatchUpFromThePositionSavedInTheDatabaseWhenTheServiceStartsAgain() {
        Await.until("the Docker event stream is connected", WAIT, () -> "connected".equals(dockerEventsStatus()));
        String before = engine.name("quarkus-before-restart");
        engine.runToExit(before, optedIn(), "exit 3");
        Await.until("the crash before the restart is recorded", WAIT, () -> alertsAbout(before) == 1);
        serviceWatcher.stop();
        try {
            String during = engine.name("quarkus-while-down");
            engine.runToExit(during, optedIn(), "exit 4");
            // A new watcher on the same database: what a restarted service builds on start-up.
            DockerEventWatcher restarted = new DockerEventWatcher(engine.docker, incidents, config, TestStack.SCOPE,
                    cursorStore);
            restarted.start();
            try {
                Await.until("the crash while down is recorded", WAIT, () -> alertsAbout(during) == 1);
                String control = engine.name("quarkus-control");
                engine.runToExit(control, optedIn(), "exit 9");
                Await.until("a crash after the restart is recorded", WAIT, () -> alertsAbout(control) == 1);
            } finally {
                restarted.stop();
            }
            assertThat(alertsAbout(during)).isEqualTo(1);
            assertThat(alertsAbout(before)).isEqualTo(1);
        } finally {
            serviceWatcher.start();
        }
    }

    @Test
    void shouldNeverMoveTheSavedPositionBackwards() {
        long earlier = System.currentTimeMillis() * 1_000_000L - 10_000_000_000L;
        cursorStore.save(earlier);

        cursorStore.save(earlier - 10_000_000_000L);

        // The running watcher may have saved a later position meanwhile; never the older one.
        assertThat(cursorStore.load().orElseThrow()).isGreaterThanOrEqualTo(earlier);
    }

    @Test
    void shouldStoreAnEngineEventReplayedAfterARestartOnce() {
        String name = engine.name("quarkus-replayed");
        ContainerEvent die = ContainerEvent.from(Events.die("c0ffee" + name, System.currentTimeMillis() * 1_000_000L,
                3, Events.labelled(name))).orElseThrow();
        NewAlert alert = DockerAlerts.fromEvent(die, AlertType.CRASH, List.of("boom"));

        String incident = incidents.accept(alert);
        String replayed = incidents.accept(alert);

        assertThat(incident).isNotNull();
        assertThat(replayed).isNull();
        assertThat(alertsAbout(name)).isEqualTo(1);
    }
}
