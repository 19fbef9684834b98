package io.aegisops.monitor.ondemand;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.aegisops.contract.Citation;
import io.aegisops.contract.Fact;
import io.aegisops.contract.FactNames;
import io.aegisops.contract.Labels;
import io.aegisops.contract.ToolCall;
import io.aegisops.kit.auth.Roles;
import io.aegisops.monitor.docker.DockerTestEngine;
import io.aegisops.monitor.docker.StandIn;
import io.aegisops.testsupport.AegisInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * {@code POST /api/investigations} inside the running service against the real engine: throw-away containers from
 * the local test image, a stand-in HTTP server as their health endpoint. The report carries what the engine and the
 * probe really showed, its conclusion follows from those facts, it is stored and read back, and the container is
 * left exactly as it was.
 */
@QuarkusTest
@TestProfile(OnDemandInvestigationIT.EngineOn.class)
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "monitor"))
@TestSecurity(user = "olga", roles = {Roles.VIEWER, Roles.OPERATOR})
class OnDemandInvestigationIT {

    private static final Duration TOLERANCE = Duration.ofSeconds(1);
    private DockerTestEngine engine;
    private StandIn standIn;

    /**
     * Turns on what the %test profile turns off: this test has a real engine to investigate. A short restart tolerance,
     * so a container need not run five seconds before a question about it stops counting its start as a restart.
     */
    public static class EngineOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aegis.docker.enabled", "true", "aegis.investigation.restart-tolerance", "1s");
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void setUp() throws Exception {
        engine = new DockerTestEngine();
        engine.requireImage();
        standIn = new StandIn().answer("/health", StandIn.Answer.of(200, "{\"status\":\"UP\"}"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (standIn != null) {
            standIn.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private static ExtractableResponse<Response> ask(String target, String question, int status) {
        return given().contentType(ContentType.JSON).body(Map.of("target", target, "question", question))
                .post("/api/investigations").then().statusCode(status).contentType(ContentType.JSON).extract();
    }

    private static Fact fact(OnDemandReport report, String name) {
        return report.facts().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " fact in " + report.facts()));
    }

    @Test
    void shouldInvestigateARunningContainerOnDemandAndStoreTheReport() {
        String name = engine.name("asked");
        String id = engine.start(name, Map.of(Labels.ENABLE, "true", Labels.HEALTH_URL, standIn.url("/health")),
                "echo 'serving requests'; sleep 300");
        InspectContainerResponse before = engine.docker.inspectContainerCmd(id).exec();
        // Judged as an alert arriving now would be: a start within the restart tolerance counts as a restart.
        OffsetDateTime startedAt = OffsetDateTime.parse(before.getState().getStartedAt());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> startedAt.isBefore(OffsetDateTime.now().minus(TOLERANCE).minusNanos(200_000_000)));

        ExtractableResponse<Response> response = ask(name, "why is checkout slow?", 201);
        OnDemandReport report = response.as(OnDemandReport.class);

        assertThat(response.header("Location")).endsWith("/api/investigations/" + report.id());
        assertThat(report.target()).isEqualTo(name);
        assertThat(report.container()).isEqualTo(name);
        assertThat(report.question()).isEqualTo("why is checkout slow?");
        assertThat(report.requestedBy()).as("the authenticated principal asked").isEqualTo("olga");
        assertThat(report.completedAt()).isAfterOrEqualTo(report.requestedAt());
        assertThat(report.toolCalls()).extracting(ToolCall::tool)
                .containsExactly("list", "inspect", "logs", "probe", "stats");
        assertThat(report.toolCalls()).allSatisfy(call -> assertThat(call.outcome()).isEqualTo("ok"));
        assertThat(fact(report, FactNames.STATE).value().asText()).isEqualTo("running");
        assertThat(fact(report, FactNames.PROBE_HEALTHY).value().asBoolean()).isTrue();
        assertThat(fact(report, FactNames.MEMORY_PERCENT).value().asDouble()).isBetween(0.0, 100.0);
        assertThat(fact(report, FactNames.CPU_PERCENT).value().asDouble()).isBetween(0.0, 100.0);
        assertThat(fact(report, FactNames.LOGS).value().get(0).asText()).isEqualTo("serving requests");

        Finding latency = report.conclusion().findings().get(0);
        assertThat(latency.kind().name()).isEqualTo("LATENCY");
        assertThat(latency.asked()).isTrue();
        assertThat(latency.observed()).isFalse();
        assertThat(report.conclusion().findings()).hasSize(Conclusions.KINDS.size()).noneMatch(Finding::observed);
        assertThat(report.conclusion().summary())
                .contains("the question points at LATENCY")
                .contains("LATENCY not observed: the container is running and the health probe answered healthy")
                .contains(name + " looks healthy — state running (" + fact(report, FactNames.STATE).id() + ")")
                .contains("health probe GET " + standIn.url("/health") + " -> HTTP 200 in ");
        assertThat(report.citations()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.kind()).isEqualTo(Citation.Kind.FACT))
                .extracting(Citation::ref).isSubsetOf(report.facts().stream().map(Fact::id).toList())
                .contains(fact(report, FactNames.STATE).id(), fact(report, FactNames.MEMORY_PERCENT).id(),
                        fact(report, FactNames.CPU_PERCENT).id(), fact(report, FactNames.PROBE_HEALTHY).id());

        OnDemandReport read = given().get(response.header("Location")).then().statusCode(200)
                .extract().as(OnDemandReport.class);
        assertThat(read.facts()).isEqualTo(report.facts());
        assertThat(read.toolCalls()).isEqualTo(report.toolCalls());
        assertThat(read.conclusion()).isEqualTo(report.conclusion());
        assertThat(read.citations()).isEqualTo(report.citations());
        List<String> listed = given().queryParam("limit", 100).get("/api/investigations").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
        assertThat(listed).contains(report.id());

        // Read-only: the container runs on, untouched.
        InspectContainerResponse after = engine.docker.inspectContainerCmd(id).exec();
        assertThat(after.getState().getStatus()).isEqualTo("running");
        assertThat(after.getState().getStartedAt()).isEqualTo(before.getState().getStartedAt());
        assertThat(after.getRestartCount()).isEqualTo(before.getRestartCount());
    }

    @Test
    void shouldFindAContainerByItsServiceAndObserveItsCrash() {
        String service = engine.name("svc");
        String name = engine.name("crashed");
        engine.runToExit(name, Map.of(Labels.ENABLE, "true", Labels.SERVICE, service), "echo 'about to fail'; exit 3");

        OnDemandReport report = ask(service, "did it crash?", 201).as(OnDemandReport.class);

        assertThat(report.target()).isEqualTo(service);
        assertThat(report.container()).isEqualTo(name);
        assertThat(report.toolCalls()).extracting(ToolCall::tool).containsExactly("list", "inspect", "logs");
        Finding crash = report.conclusion().findings().get(0);
        assertThat(crash.kind().name()).isEqualTo("CRASH");
        assertThat(crash.asked()).isTrue();
        assertThat(crash.observed()).isTrue();
        assertThat(crash.factIds()).containsExactly(fact(report, FactNames.STATE).id(),
                fact(report, FactNames.EXIT_CODE).id());
        assertThat(report.conclusion().summary()).contains("CRASH observed: the container is exited with exit code 3")
                .doesNotContain("looks healthy");
        assertThat(report.citations()).extracting(Citation::ref).startsWith(fact(report, FactNames.STATE).id(),
                fact(report, FactNames.EXIT_CODE).id());
    }

    @Test
    void shouldRefuseATargetThatDidNotOptInAndNameTheLabel() {
        String stranger = engine.name("stranger");
        engine.start(stranger, Map.of(), "sleep 300");

        ask(stranger, "why is it slow?", 404).response().then()
                .body("message", containsString("target '" + stranger + "' is not monitored"))
                .body("message", containsString("aegis.enable=true"));
        ask("no-such-" + stranger, "why is it slow?", 404).response().then()
                .body("message", containsString("aegis.enable=true"));
    }
}
