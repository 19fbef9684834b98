package io.aegisops.diagnosis.rest;

import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The read API's answers to bad and unknown input; the happy paths are in DiagnosisFlowTest. */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "diagnosis"))
@TestSecurity(user = "vera", roles = Roles.VIEWER)
class DiagnosisResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void shouldRefuseAnIncidentIdThatIsNotAUuid() {
        given().queryParam("incidentId", "incident-7").get("/api/diagnoses")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("violations[0].field", equalTo("incidentId"))
                .body("message", containsString("'incident-7' is not a UUID"));
    }

    @Test
    void shouldRequireAnIncidentId() {
        given().get("/api/diagnoses").then().statusCode(400).contentType(ContentType.JSON)
                .body("message", equalTo("incidentId is required"));
    }

    @Test
    void shouldAnswerAnEmptyListForAnUnknownIncident() {
        given().queryParam("incidentId", UUID.randomUUID()).get("/api/diagnoses")
                .then().statusCode(200).body("$", empty());
    }

    @Test
    void shouldAnswer404ForAnUnknownDiagnosisAnd400ForABadId() {
        UUID unknown = UUID.randomUUID();
        given().get("/api/diagnoses/{id}", unknown).then().statusCode(404).contentType(ContentType.JSON)
                .body("message", equalTo("diagnosis " + unknown + " does not exist"));
        given().get("/api/diagnoses/{id}", "nope").then().statusCode(400).contentType(ContentType.JSON)
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void shouldListTheLoadedRulesInEvaluationOrder() {
        given().get("/api/rules").then().statusCode(200)
                .body("source", equalTo("classpath:diagnosis-rules.yaml"))
                .body("engines", equalTo(List.of("rules")))
                .body("rules[0].id", equalTo("oom-killed-observed"))
                .body("rules[0].when.facts[0].name", equalTo("oomKilled"))
                .body("rules[0].when.facts[0].value", equalTo(true))
                .body("rules[1].id", equalTo("oom-killed"))
                .body("rules[2].when.metrics[0].op", equalTo("=="))
                .body("rules[2].when.metrics[0].value", equalTo(137))
                .body("rules.id", hasItems("latency-lock", "unknown"))
                .body("rules[-1].id", equalTo("unknown"));
    }

    @Test
    void shouldDescribeItsApiInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/diagnoses", "/api/diagnoses/{id}", "/api/rules"));
    }

    @Test
    void shouldBeReadyWithItsDatabaseAndBroker() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
