package io.aegisops.e2e;

import com.github.dockerjava.api.command.CreateContainerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.aegisops.e2e.Stack.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Detection on the running stack: each buggy-app fault, triggered over HTTP as a user would with curl,
 * becomes exactly one incident of the right type, whatever number of intakes (webhook, health check, Docker
 * event) report it. The target is a buggy-app instance of this class with {@code aegis.policy=manual}, so
 * remediation asks a human instead of healing it mid-test and its incidents stay open to be counted.
 */
class DetectionIT {

    /**
     * The self-watch's CPU rule is relaxed for this instance (40 % for 3 samples instead of 75 % for 5): this class
     * tests that each fault becomes one incident, and on two cores shared with the whole stack the spinning app is
     * not always given 75 % of its CPU for five seconds in a row (seen: samples of 36-100 %, no alert in 30 s).
     */
    @RegisterExtension
    static final OwnBuggyApp TARGET = OwnBuggyApp.labelled("e2e-detect", Map.of("aegis.policy", "manual"),
            Map.of("BUGGY_WATCH_CPU_THRESHOLD_PERCENT", "40", "BUGGY_WATCH_CPU_CONSECUTIVE_SAMPLES", "3"));
    private static final Duration DETECTION = Duration.ofSeconds(30);
    /** After the first alert, the other intakes report the same fault within a few seconds; wait that long. */
    private static final Duration STORM = Duration.ofSeconds(8);

    private final List<String> throwAway = new ArrayList<>();
    private BuggyInstance app;
    private String target;
    private Instant since;

    @BeforeEach
    void startFromAHealthyApp() {
        app = TARGET.app();
        target = TARGET.name();
        since = TARGET.since();
    }

    @AfterEach
    void cleanUp() {
        throwAway.forEach(id -> Stack.docker().removeContainerCmd(id).withForce(true).exec());
    }

    @Test
    void shouldOpenOneMemoryPressureIncidentEvenWhenTheFaultIsTriggeredTwice() {
        at(app.url()).post("/faults/memory?mb=220").then().statusCode(200);

        Map<String, Object> incident = awaitOneIncidentWith("MEMORY_PRESSURE");
        at(app.url()).post("/faults/memory?mb=8").then().statusCode(200);

        assertStillOneIncident(incident);
    }

    @Test
    void shouldOpenOneCpuSaturationIncident() {
        at(app.url()).post("/faults/cpu?threads=2").then().statusCode(200);

        Map<String, Object> incident = awaitOneIncidentWith("CPU_SATURATION");
        at(app.url()).post("/faults/cpu?threads=1").then().statusCode(200);

        assertStillOneIncident(incident);
    }

    @Test
    void shouldOpenOneLatencyIncident() {
        at(app.url()).post("/faults/latency?ms=3000").then().statusCode(200);

        Map<String, Object> incident = awaitOneIncidentWith("LATENCY");
        at(app.url()).post("/faults/latency?ms=3000").then().statusCode(200);

        assertStillOneIncident(incident);
    }

    @Test
    void shouldReportAnExit137AsOomKilledFromTheDockerEvent() {
        at(app.url()).post("/faults/crash?code=137").then().statusCode(202);

        Map<String, Object> incident = awaitOneIncidentWith("OOM_KILLED");

        assertThat((String) incident.get("severity")).isEqualTo("CRITICAL");
        assertStillOneIncident(incident);
    }

    @Test
    void shouldReportAnotherExitCodeAsCrashFromTheDockerEvent() {
        at(app.url()).post("/faults/crash?code=3").then().statusCode(202);

        Map<String, Object> incident = awaitOneIncidentWith("CRASH");

        Map<String, Object> details = at(Stack.MONITOR).get("/api/incidents/{id}", incident.get("id"))
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertThat(details.toString()).contains("DOCKER_EVENT", "exitCode");
        assertStillOneIncident(incident);
    }

    @Test
    void shouldIgnoreTheCrashOfAContainerThatDidNotOptInOrIsAnotherStacks() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String unlabelled = "e2e-unlabelled-" + suffix;
        String other = "e2e-other-stack-" + suffix;
        String control = "e2e-control-" + suffix;
        crasher(unlabelled, Map.of());
        crasher(other, Map.of("aegis.enable", "true", "aegis.stack", Stack.ANOTHER_STACK, "aegis.service", other));
        crasher(control, Map.of("aegis.enable", "true", "aegis.stack", Stack.PROJECT, "aegis.service", control));

        // The labelled control crashes at the same moment through the same pipeline: once its incident is
        // there, an incident for the others would be there too.
        await("incident of the labelled control").atMost(DETECTION).pollInterval(Duration.ofMillis(250))
                .until(() -> !Incidents.openedSince(control, since).isEmpty());
        assertThat(Incidents.openedSince(unlabelled, since)).isEmpty();
        assertThat(Incidents.openedSince(other, since)).as("incidents of another stack's container").isEmpty();
        Incidents.resolveOpen(control);
    }

    private void crasher(String name, Map<String, String> labels) {
        CreateContainerResponse created = Stack.docker().createContainerCmd(Stack.TEST_IMAGE)
                .withName(name)
                .withLabels(new java.util.HashMap<>(labels))
                .withCmd("sh", "-c", "echo about to fail; sleep 2; exit 3")
                .exec();
        throwAway.add(created.getId());
        Stack.docker().startContainerCmd(created.getId()).exec();
    }

    private Map<String, Object> awaitOneIncidentWith(String alertType) {
        await(alertType + " incident for " + target).atMost(DETECTION).pollInterval(Duration.ofMillis(250))
                .until(() -> Incidents.openedSince(target, since).stream()
                        .anyMatch(i -> Incidents.alertTypes(i).contains(alertType)));
        List<Map<String, Object>> incidents = Incidents.openedSince(target, since);
        assertThat(incidents).as("incidents of %s since the fault", target).hasSize(1);
        return incidents.get(0);
    }

    /** Lets the other intakes report the same fault, then proves they all joined the first incident. */
    private void assertStillOneIncident(Map<String, Object> first) {
        await("further alerts to arrive").pollDelay(STORM).atMost(STORM.plusSeconds(1)).until(() -> true);
        List<Map<String, Object>> incidents = Incidents.openedSince(target, since);
        assertThat(incidents).as("incidents of %s since the fault", target).hasSize(1);
        assertThat(incidents.get(0).get("id")).isEqualTo(first.get("id"));
    }
}
