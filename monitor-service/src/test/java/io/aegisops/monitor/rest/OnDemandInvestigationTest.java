package io.aegisops.monitor.rest;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Citation;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.Fact;
import io.aegisops.contract.FactNames;
import io.aegisops.contract.ToolCall;
import io.aegisops.kit.auth.Roles;
import io.aegisops.monitor.ondemand.Conclusion;
import io.aegisops.monitor.ondemand.Finding;
import io.aegisops.monitor.ondemand.OnDemandGate;
import io.aegisops.monitor.ondemand.OnDemandReport;
import io.aegisops.monitor.ondemand.OnDemandReports;
import io.aegisops.testsupport.AegisInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The on-demand investigation API without an engine (the %test profile has none): bad questions are refused with a
 * 400 naming the field, a busy service with 429 and Retry-After, and stored reports are read back newest first. The
 * investigation itself against the real engine is {@code OnDemandInvestigationIT}.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "monitor"))
@TestSecurity(user = "vera", roles = Roles.VIEWER)
class OnDemandInvestigationTest {

    private final OnDemandGate gate;
    private final OnDemandReports reports;

    OnDemandInvestigationTest(OnDemandGate gate, OnDemandReports reports) {
        this.gate = gate;
        this.reports = reports;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static io.restassured.response.ValidatableResponse ask(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/investigations").then();
    }

    private static Map<String, Object> question(String target, String question) {
        Map<String, Object> body = new HashMap<>();
        body.put("target", target);
        body.put("question", question);
        return body;
    }

    private OnDemandReport stored(String target, OffsetDateTime requestedAt) {
        Fact state = new Fact("F1", FactNames.STATE, "engine.inspect", "State: running",
                EventCodec.mapper().valueToTree("running"), requestedAt);
        OnDemandReport report = new OnDemandReport(UUID.randomUUID().toString(), target, target + "-1",
                "why is " + target + " slow?", requestedAt, "olga", requestedAt.plusSeconds(1),
                List.of(new ToolCall("inspect", target + "-1", 7, "ok")), List.of(state),
                new Conclusion(target + " looks healthy — state running (F1).", List.of(new Finding(AlertType.LATENCY,
                        true, false, "the container is running and no health check shows a failure", List.of("F1")))),
                List.of(new Citation(Citation.Kind.FACT, "F1", FactNames.STATE, "State: running")));
        reports.store(report);
        return report;
    }

    @Test
    @TestSecurity(user = "olga", roles = Roles.OPERATOR)
    void shouldNameEveryMissingField() {
        ask(Map.of()).statusCode(400).contentType(ContentType.JSON)
                .body("violations.field", equalTo(List.of("question", "target")));
        ask(question(" ", "")).statusCode(400).body("violations.field", hasItem("target"))
                .body("violations.field", hasItem("question"));
    }

    @Test
    @TestSecurity(user = "olga", roles = Roles.OPERATOR)
    void shouldRefuseAQuestionLongerThan500Characters() {
        ask(question("checkout", "why? ".repeat(101))).statusCode(400)
                .body("violations.field", equalTo(List.of("question")))
                .body("message", containsString("question size must be between 1 and 500"));
        ask(question("check\nout", "why?")).statusCode(400).body("violations.field", equalTo(List.of("target")));
    }

    @Test
    @TestSecurity(user = "olga", roles = Roles.OPERATOR)
    void shouldRefuseABodyThatIsNotAQuestion() {
        given().contentType(ContentType.JSON).body("{\"target\": [1]}").post("/api/investigations")
                .then().statusCode(400).body("message", containsString("target"));
        given().contentType(ContentType.JSON).post("/api/investigations").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "olga", roles = Roles.OPERATOR)
    void shouldSaySoWhenThereIsNoEngineToInvestigateWith() {
        ask(question("checkout", "why is checkout slow?")).statusCode(503).contentType(ContentType.JSON)
                .body("message", containsString("Docker engine could not be read"))
                .body("message", containsString("aegis.docker.enabled=false"));
    }

    @Test
    @TestSecurity(user = "olga", roles = Roles.OPERATOR)
    void shouldRefuseMoreInvestigationsThanTheCapWithRetryAfter() {
        List<Boolean> taken = List.of(gate.tryEnter(), gate.tryEnter());
        try {
            assertThat(taken).containsExactly(true, true);
            ask(question("checkout", "why is checkout slow?")).statusCode(429).contentType(ContentType.JSON)
                    .header("Retry-After", "2")
                    .body("message", containsString("aegis.investigation.on-demand.concurrency"));
        } finally {
            taken.stream().filter(t -> t).forEach(t -> gate.leave());
        }
        ask(question("checkout", "why is checkout slow?")).statusCode(503);
    }

    @Test
    void shouldReadAStoredReportBackById() {
        OnDemandReport report = stored("svc-" + UUID.randomUUID().toString().substring(0, 8),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));

        OnDemandReport read = given().get("/api/investigations/{id}", report.id()).then().statusCode(200)
                .body("conclusion.findings[0].kind", equalTo("LATENCY"))
                .body("citations[0].kind", equalTo("FACT"))
                .extract().as(OnDemandReport.class);

        assertThat(read.id()).isEqualTo(report.id());
        assertThat(read.question()).isEqualTo(report.question());
        assertThat(read.requestedAt()).isEqualTo(report.requestedAt());
        assertThat(read.requestedBy()).isEqualTo("olga");
        assertThat(read.facts()).isEqualTo(report.facts());
        assertThat(read.conclusion()).isEqualTo(report.conclusion());
        assertThat(read.citations()).isEqualTo(report.citations());
    }

    @Test
    void shouldListPastReportsNewestFirst() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        OnDemandReport older = stored("svc-older", now);
        OnDemandReport newer = stored("svc-newer", now.plusMinutes(1));

        given().queryParam("limit", 2).get("/api/investigations").then().statusCode(200)
                .body("id", equalTo(List.of(newer.id(), older.id())));
        given().get("/api/investigations").then().statusCode(200).body("[0].id", equalTo(newer.id()));
    }

    @Test
    void shouldValidateTheLimitAndTheId() {
        given().queryParam("limit", 0).get("/api/investigations").then().statusCode(400)
                .body("violations.field", equalTo(List.of("limit")));
        given().queryParam("limit", 101).get("/api/investigations").then().statusCode(400)
                .body("message", equalTo("limit must be a whole number from 1 to 100"));
        given().queryParam("limit", "ten").get("/api/investigations").then().statusCode(400)
                .body("violations.field", hasItem("limit"));
        given().get("/api/investigations/{id}", "not-a-uuid").then().statusCode(400)
                .body("violations.field", equalTo(List.of("id")))
                .body("message", containsString("id is not a UUID"));
        String unknown = UUID.randomUUID().toString();
        given().get("/api/investigations/{id}", unknown).then().statusCode(404).contentType(ContentType.JSON)
                .body("message", equalTo("on-demand investigation " + unknown + " does not exist"));
    }
}
