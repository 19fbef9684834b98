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

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * Bad requests are answered by the dashboard with a 400 naming the field, before any other service is called;
 * what another service refuses reaches the user with that service's name, status and own message. Each case signs in
 * with the least roles it needs (a ladder role with the ones below it, as a real token grants).
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "dashboard"))
@QuarkusTestResource(StandInServices.class)
class ValidationTest {

    private static final String APPROVAL = UUID.randomUUID().toString();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static io.restassured.specification.RequestSpecification json(Object body) {
        return given().contentType(ContentType.JSON).body(body);
    }

    @Test
    @TestSecurity(user = "alice", roles = {Roles.VIEWER, Roles.OPERATOR})
    void shouldNameAnUnknownFault() {
        json(Map.of()).post("/api/faults/explode").then().statusCode(400)
                .body("violations.field", hasItem("kind"))
                .body("message", containsString("'explode' is not one of [memory, cpu, latency, crash]"));
    }

    @Test
    @TestSecurity(user = "alice", roles = {Roles.VIEWER, Roles.OPERATOR})
    void shouldNameAnOutOfBoundsFaultValue() {
        json(Map.of("value", 5000)).post("/api/faults/memory").then().statusCode(400)
                .body("violations.field", hasItem("value"))
                .body("message", containsString("value must be between 1 and 1024"));
    }

    @Test
    @TestSecurity(user = "alice", roles = {Roles.VIEWER, Roles.OPERATOR, Roles.APPROVER})
    void shouldCheckADecisionBeforeAskingApprovalService() {
        json(Map.of("decision", "REJECT")).post("/api/approvals/{id}/decision", APPROVAL)
                .then().statusCode(400).body("violations.field", hasItem("reason"))
                .body("message", containsString("reason is required to reject"));
        json(Map.of("decision", "OVERRIDE")).post("/api/approvals/{id}/decision", APPROVAL)
                .then().statusCode(400).body("message", containsString("action is required to override"));
        json(Map.of("decision", "EXPIRE")).post("/api/approvals/{id}/decision", APPROVAL)
                .then().statusCode(400).body("message", containsString("'EXPIRE' is for the timeout only"));
        json(Map.of("decision", "APPROVE")).post("/api/approvals/{id}/decision", "not-a-uuid")
                .then().statusCode(400).body("violations.field", hasItem("id"));
    }

    @Test
    @TestSecurity(user = "alice", roles = {Roles.VIEWER, Roles.OPERATOR, Roles.APPROVER})
    void shouldNameTheFieldOfAnUnknownEnumValue() {
        json(Map.of("decision", "MAYBE")).post("/api/approvals/{id}/decision", APPROVAL)
                .then().statusCode(400).body("message", containsString("decision"))
                .body("message", containsString("APPROVE"));
    }

    @Test
    @TestSecurity(user = "alice", roles = Roles.VIEWER)
    void shouldNameAnUnknownStatusFilter() {
        given().get("/api/incidents?status=OPEN,NOPE").then().statusCode(400)
                .body("violations.field", hasItem("status")).body("message", containsString("'NOPE'"));
        given().get("/api/activity?limit=0").then().statusCode(400).body("violations.field", hasItem("limit"));
    }

    @Test
    @TestSecurity(user = "alice", roles = Roles.VIEWER)
    void shouldAnswer404ForAnIncidentTheDashboardHasNotSeen() {
        given().get("/api/incidents/{id}", UUID.randomUUID().toString()).then().statusCode(404)
                .body("message", containsString("is not known to the dashboard"));
    }

    @Test
    @TestSecurity(user = "alice", roles = {Roles.VIEWER, Roles.OPERATOR, Roles.APPROVER})
    void shouldPassApprovalServicesConflictOnWithItsMessageAndTheWinner() {
        json(Map.of("decision", "APPROVE")).post("/api/approvals/{id}/decision",
                        StandInServices.CONFLICT_ID)
                .then().statusCode(409)
                .body("service", equalTo("approval-service"))
                .body("downstreamStatus", equalTo(409))
                .body("message", containsString("is already APPROVED: APPROVE by bob"))
                .body("downstream.winningDecision.actor", equalTo("bob"));
        given().get("/api/activity").then().body("outcome", hasItem(containsString("failed: approval-service answered 409")));
    }

    @Test
    @TestSecurity(user = "alice", roles = {Roles.VIEWER, Roles.OPERATOR, Roles.APPROVER})
    void shouldPassOnADecisionThatApprovalServiceAcceptsAsTheSignedInPerson() {
        json(Map.of("decision", "APPROVE", "actor", "mallory", "reason", "lock confirmed"))
                .post("/api/approvals/{id}/decision", APPROVAL)
                .then().statusCode(200).body("decision.decision", equalTo("APPROVE"))
                .body("decision.reason", equalTo("lock confirmed"))
                .body("decision", not(hasKey("actor")));
        given().get("/api/activity").then()
                .body("find { it.action == 'approved' && it.detail == 'lock confirmed' }.actor", equalTo("alice"))
                .body("actor", not(hasItem("mallory")));
    }

    @Test
    @TestSecurity(user = "alice", roles = Roles.VIEWER)
    void shouldPassOnANotFoundFromApprovalService() {
        given().get("/api/approvals/{id}", StandInServices.UNKNOWN_ID).then().statusCode(404)
                .body("message", containsString("does not exist")).body("service", equalTo("approval-service"));
    }

    @Test
    @TestSecurity(user = "alice", roles = {Roles.VIEWER, Roles.OPERATOR})
    void shouldShowBuggyAppsOwnReasonWhenItRefusesAFault() {
        json(Map.of("value", 8)).post("/api/faults/cpu").then().statusCode(400)
                .body("service", equalTo("buggy-app"))
                .body("message", containsString("threads must be at most 64 in total"));
    }

    @Test
    @TestSecurity(user = "alice", roles = {Roles.VIEWER, Roles.OPERATOR})
    void shouldInjectAFaultWithTheCheckedValue() {
        json(Map.of("value", 10)).post("/api/faults/memory").then().statusCode(200)
                .body("fault", equalTo("memory")).body("answer.query", equalTo("mb=10"));
    }

    @Test
    @TestSecurity(user = "alice", roles = {Roles.VIEWER, Roles.OPERATOR})
    void shouldAnswer502WhenAServiceFailsOrCannotBeReached() {
        json(Map.of("reason", "fixed by hand"))
                .post("/api/incidents/{id}/resolve", UUID.randomUUID().toString())
                .then().statusCode(502).body("service", equalTo("monitor-service"))
                .body("downstreamStatus", equalTo(500)).body("message", containsString("internal error, reference r-1"));
        given().get("/api/containers").then().statusCode(502).body("service", equalTo("remediation-service"))
                .body("message", containsString("refused the connection"));
    }

    @Test
    void shouldOpenTheWarRoomOnTheIncidentOfASlackLink() {
        String id = UUID.randomUUID().toString();
        given().redirects().follow(false).get("/incidents/{id}", id).then().statusCode(303)
                .header("Location", containsString("/?incident=" + id));
        given().get("/incidents/{id}", "nope").then().statusCode(400).body("violations.field", hasItem("id"));
    }

    @Test
    void shouldServeThePageWithoutAnythingFromOutside() {
        given().get("/").then().statusCode(200).body(containsString("war-room.js"))
                .body(org.hamcrest.Matchers.not(containsString("http")));
    }

    @Test
    @TestSecurity(user = "alice", roles = Roles.VIEWER)
    void shouldReportAnUnreachableServiceInThePlatformInsteadOfFailing() {
        given().get("/api/platform").then().statusCode(200)
                .body("containersError", containsString("remediation-service"))
                .body("services.find { it.name == 'approval-service' }.up", equalTo(true))
                .body("services.find { it.name == 'remediation-service' }.up", equalTo(false));
    }
}
