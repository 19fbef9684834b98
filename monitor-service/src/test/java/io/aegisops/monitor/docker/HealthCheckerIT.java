package io.aegisops.monitor.docker;

import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.Labels;
import io.aegisops.contract.Severity;
import io.aegisops.monitor.service.NewAlert;
import io.aegisops.testsupport.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The active health checker against the real engine: it finds labelled running containers there and
 * probes the URL their label names, here a stand-in HTTP server in the test JVM. Absence of alerts is
 * proven by counting probes at the stand-in, never by sleeping.
 */
class HealthCheckerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int FAILURES = 3;

    private final CapturingAlertSink sink = new CapturingAlertSink();
    private DockerTestEngine engine;
    private StandIn standIn;
    private HealthChecker checker;

    @BeforeEach
    void setUp() throws Exception {
        engine = new DockerTestEngine();
        engine.requireImage();
        standIn = new StandIn();
        // No start period here: these cases are about counting failures; the start period has its own cases.
        checker = checker(Duration.ZERO);
    }

    private HealthChecker checker(Duration startPeriod) {
        TestDockerConfig config = TestDockerConfig.defaults()
                .withHealth(Duration.ofMillis(100), FAILURES, Duration.ofSeconds(1))
                .withStartPeriod(startPeriod);
        return new HealthChecker(engine.docker, sink, config, TestStack.SCOPE);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (checker != null) {
            checker.stop();
        }
        if (standIn != null) {
            standIn.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private Map<String, String> probedAt(String path) {
        return Map.of(Labels.ENABLE, "true", Labels.HEALTH_URL, standIn.url(path));
    }

    private void awaitMoreProbes(String path, int more) {
        int target = standIn.hits(path) + more;
        Await.until(more + " more probes of " + path, WAIT, () -> standIn.hits(path) >= target);
    }

    @Test
    void shouldRaiseOneUnhealthyAlertAfterConsecutiveFailuresAndNoneWhileHealthy() {
        standIn.answer("/health", StandIn.Answer.of(200, "{\"status\":\"UP\"}"));
        String name = engine.name("probed");
        engine.start(name, probedAt("/health"), "sleep 300");
        checker.start();

        awaitMoreProbes("/health", 5);
        assertThat(sink.about(name)).isEmpty();

        standIn.answer("/health", StandIn.Answer.of(500, "{\"status\":\"DOWN\",\"reason\":\"database down\"}"));
        sink.await(name, alert -> true, WAIT);
        awaitMoreProbes("/health", 5);

        NewAlert alert = assertThat(sink.about(name)).singleElement().actual();
        assertThat(alert.type()).isEqualTo(AlertType.UNHEALTHY);
        assertThat(alert.source()).isEqualTo(AlertSource.HEALTH_CHECK);
        assertThat(alert.severity()).isEqualTo(Severity.WARNING);
        assertThat(alert.service()).isEqualTo(name);
        assertThat(alert.metrics()).containsEntry("statusCode", 500).containsEntry("consecutiveFailures", FAILURES);
        assertThat(alert.evidence()).anySatisfy(line -> assertThat(line).contains("HTTP 500"))
                .anySatisfy(line -> assertThat(line).contains("database down"));
    }

    @Test
    void shouldAlertAgainOnlyAfterTheContainerWasHealthyInBetween() {
        standIn.answer("/health", StandIn.Answer.of(503, "starting"));
        String name = engine.name("flapping");
        engine.start(name, probedAt("/health"), "sleep 300");
        checker.start();
        sink.await(name, alert -> true, WAIT);

        standIn.answer("/health", StandIn.Answer.of(200, "ok"));
        // The first probe after the switch may have been answered before it; the second surely was not.
        awaitMoreProbes("/health", 2);
        standIn.answer("/health", StandIn.Answer.of(503, "down again"));
        Await.until("a second alert", WAIT, () -> sink.about(name).size() == 2);
        awaitMoreProbes("/health", 5);

        assertThat(sink.about(name)).hasSize(2);
        assertThat(sink.about(name).get(1).evidence()).anySatisfy(line -> assertThat(line).contains("down again"));
    }

    /** Starts a probed container (stopping at once on SIGTERM) answered {@code status} by the stand-in, then the checker. */
    private String probedContainer(String name, Duration startPeriod, int status, String body) {
        checker = checker(startPeriod);
        standIn.answer("/health", StandIn.Answer.of(status, body));
        String id = engine.start(name, probedAt("/health"), "trap 'exit 0' TERM; sleep 300 & wait");
        checker.start();
        return id;
    }

    @Test
    void shouldNotCountFailuresOfAContainerThatHasNotAnsweredSinceItStartedUntilItDoes() {
        String name = engine.name("booting");
        probedContainer(name, Duration.ofMinutes(10), 503, "booting");
        awaitMoreProbes("/health", 3 * FAILURES);
        assertThat(sink.about(name)).isEmpty();

        standIn.answer("/health", StandIn.Answer.of(200, "up"));
        awaitMoreProbes("/health", 2);
        standIn.answer("/health", StandIn.Answer.of(503, "broken after it was up"));

        sink.await(name, alert -> true, WAIT);
        assertThat(sink.about(name).get(0).evidence())
                .anySatisfy(line -> assertThat(line).contains("broken after it was up"));
    }

    @Test
    void shouldGiveARestartedContainerAFreshStartPeriod() {
        String name = engine.name("restarted");
        String id = probedContainer(name, Duration.ofMinutes(10), 200, "up");
        awaitMoreProbes("/health", 2);

        // What remediation-service does: restart it. The new run refuses, as a booting JVM would.
        engine.docker.restartContainerCmd(id).withTimeout(5).exec();
        standIn.answer("/health", StandIn.Answer.of(503, "booting again"));
        awaitMoreProbes("/health", 3 * FAILURES);

        assertThat(sink.about(name)).isEmpty();
    }

    @Test
    void shouldAlertOnAContainerThatNeverAnswersOnceItsStartPeriodIsOver() {
        String name = engine.name("never-up");
        probedContainer(name, Duration.ofSeconds(1), 503, "never comes up");

        sink.await(name, alert -> true, WAIT);
        assertThat(sink.about(name)).singleElement()
                .satisfies(alert -> assertThat(alert.evidence()).anySatisfy(line -> assertThat(line).contains("never comes up")));
    }

    @Test
    void shouldProbeOnlyRunningContainersThatOptedIn() {
        standIn.answer("/health", StandIn.Answer.of(200, "ok"))
                .answer("/created-only", StandIn.Answer.of(500, "never asked"))
                .answer("/unlabelled", StandIn.Answer.of(500, "never asked"));
        engine.start(engine.name("running"), probedAt("/health"), "sleep 300");
        engine.create(engine.name("created"), probedAt("/created-only"), "sleep 300");
        engine.start(engine.name("stranger"), Map.of(Labels.HEALTH_URL, standIn.url("/unlabelled")), "sleep 300");
        checker.start();

        awaitMoreProbes("/health", 5);

        assertThat(standIn.hits("/created-only")).isZero();
        assertThat(standIn.hits("/unlabelled")).isZero();
    }
}
