package io.aegisops.dashboard.rest;

import io.aegisops.dashboard.support.StandInServices;
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
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * "Ask AegisOps" goes through the dashboard to monitor-service: the question is checked here first, the report comes
 * back as monitor-service wrote it, the room's activity says who asked what, and monitor-service's refusals reach the
 * page with its name and own message.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "dashboard"))
@QuarkusTestResource(StandInServices.class)
@TestSecurity(user = "alice", roles = {Roles.VIEWER, Roles.OPERATOR})
class InvestigationProxyTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static io.restassured.response.ValidatableResponse ask(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/investigations").then();
    }

    @Test
    void shouldPassAQuestionToMonitorServiceAndReturnItsReport() {
        ask(Map.of("target", " checkout ", "question", "why is checkout slow?"))
                .statusCode(201)
                .header("Location", endsWith("/api/investigations/" + StandInServices.REPORT_ID))
                .body("id", equalTo(StandInServices.REPORT_ID))
                .body("target", equalTo("checkout"))
                .body("question", equalTo("why is checkout slow?"))
                .body("facts[0].id", equalTo("F1"))
                .body("conclusion.findings[0].kind", equalTo("LATENCY"))
                .body("citations[0].ref", equalTo("F1"));
        given().get("/api/activity").then()
                .body("find { it.action == 'asked AegisOps' }.actor", equalTo("alice"))
                .body("detail", hasItem("why is checkout slow?"));
    }

    @Test
    void shouldCheckTheQuestionBeforeAskingMonitorService() {
        ask(Map.of("target", "checkout")).statusCode(400)
                .body("violations.field", hasItem("question"));
        ask(Map.of("target", "x".repeat(256), "question", "q".repeat(501))).statusCode(400)
                .body("violations.field", hasItems("target", "question"))
                .body("message", containsString("question must be at most 500 characters"));
        given().contentType(ContentType.JSON).post("/api/investigations").then().statusCode(400)
                .body("violations.field", hasItem("body"));
    }

    @Test
    void shouldPassOnMonitorServicesRefusalOfATargetItDoesNotWatch() {
        ask(Map.of("target", StandInServices.STRANGER, "question", "why is it slow?"))
                .statusCode(404)
                .body("service", equalTo("monitor-service"))
                .body("downstreamStatus", equalTo(404))
                .body("message", containsString("aegis.enable=true"));
        given().get("/api/activity").then().body("outcome", hasItem(containsString("monitor-service answered 404")));
    }

    @Test
    void shouldListPastReportsAndOpenOne() {
        given().get("/api/investigations").then().statusCode(200)
                .body("id", equalTo(List.of(StandInServices.REPORT_ID)))
                .body("[0].question", equalTo("limit=20"));
        given().queryParam("limit", 5).get("/api/investigations").then().statusCode(200)
                .body("[0].question", equalTo("limit=5"));
        given().get("/api/investigations/{id}", StandInServices.REPORT_ID).then().statusCode(200)
                .body("conclusion.summary", containsString("looks healthy"));
    }

    @Test
    void shouldCheckTheLimitAndTheIdAndPassOnAnUnknownReport() {
        given().queryParam("limit", 101).get("/api/investigations").then().statusCode(400)
                .body("violations.field", hasItem("limit"));
        given().get("/api/investigations/{id}", "not-a-uuid").then().statusCode(400)
                .body("violations.field", hasItem("id"));
        given().get("/api/investigations/{id}", StandInServices.UNKNOWN_ID).then().statusCode(404)
                .body("service", equalTo("monitor-service"))
                .body("message", containsString("does not exist"));
    }
}
