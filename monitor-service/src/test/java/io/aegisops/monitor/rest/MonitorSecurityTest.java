package io.aegisops.monitor.rest;

import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.OpenApiWalk.Operation;
import io.aegisops.testsupport.SecurityWalk;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Who may call monitor-service, walked from its own OpenAPI document so a new endpoint is checked the day it is
 * written: every operation refuses a caller without credentials (401) and a caller one role short (403), as JSON.
 * Real bearer tokens go through the whole chain to a loopback identity owner ({@link IdentityStandIn}), so the role
 * ladder, unknown tokens and an unreachable owner are exercised as in production.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "monitor"))
@QuarkusTestResource(value = IdentityStandIn.class, restrictToAnnotatedClass = true)
class MonitorSecurityTest {

    /** The role table the code must produce: a change to it is a change to this test. */
    private static final Map<String, Set<String>> ROLES = Map.of(
            "GET /api/incidents", Set.of(Roles.VIEWER),
            "GET /api/incidents/{id}", Set.of(Roles.VIEWER),
            "GET /api/incidents/{id}/investigations", Set.of(Roles.VIEWER),
            "GET /api/incidents/{id}/postmortem", Set.of(Roles.VIEWER),
            "POST /api/incidents/{id}/resolve", Set.of(Roles.OPERATOR),
            "POST /api/alerts", Set.of(Roles.REPORTER, Roles.OPERATOR),
            "POST /api/alerts/alertmanager", Set.of(Roles.REPORTER, Roles.OPERATOR),
            "POST /api/investigations", Set.of(Roles.OPERATOR),
            "GET /api/investigations", Set.of(Roles.VIEWER),
            "GET /api/investigations/{id}", Set.of(Roles.VIEWER));

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static String alert(String target) {
        return """
                {"type":"CRASH","service":"%s","summary":"exited with 137","metrics":{"exitCode":137}}"""
                .formatted(target);
    }

    private static List<Object> incidentsOf(String target) {
        return as(IdentityStandIn.tokenOf(Roles.VIEWER)).queryParam("target", target).get("/api/incidents")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void shouldDocumentTheRolesOfEveryOperation() {
        assertThat(SecurityWalk.roleTable(SecurityWalk.documented())).isEqualTo(new TreeMap<>(ROLES));
    }

    @Test
    void shouldRefuseEveryOperationWithoutCredentials() {
        List<Operation> operations = SecurityWalk.documented();

        SecurityWalk.assertEveryUnauthenticated(operations);
        assertThat(operations).hasSize(ROLES.size());
    }

    @Test
    void shouldRefuseEveryOperationToACallerOneRoleShort() {
        List<Operation> operations = SecurityWalk.documented();

        SecurityWalk.assertEveryForbidden(operations,
                operation -> as(IdentityStandIn.tokenOf(Roles.justBelow(operation.requiredRoles()))));
        assertThat(operations).filteredOn(Operation::mutating).hasSize(4);
    }

    @Test
    void shouldTakeAnAlertFromAReporterButNotFromAViewer() {
        String target = "svc-" + UUID.randomUUID().toString().substring(0, 8);

        as(IdentityStandIn.tokenOf(Roles.VIEWER)).body(alert(target)).post("/api/alerts").then().statusCode(403)
                .contentType(ContentType.JSON).body("message", containsString("'vera' (viewer) may not do this"));
        assertThat(incidentsOf(target)).isEmpty();

        as(IdentityStandIn.tokenOf(Roles.REPORTER)).body(alert(target)).post("/api/alerts").then().statusCode(202)
                .body("newIncident", equalTo(true));
        assertThat(incidentsOf(target)).hasSize(1);
    }

    @Test
    void shouldCreateNothingFromAForgedAlertWithoutAToken() {
        String target = "svc-" + UUID.randomUUID().toString().substring(0, 8);

        given().contentType(ContentType.JSON).body(alert(target)).post("/api/alerts").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer realm="))
                .body("message", containsString("Authorization: Bearer"));

        assertThat(incidentsOf(target)).isEmpty();
    }

    @Test
    void shouldNotLetAReporterReadIncidents() {
        as(IdentityStandIn.tokenOf(Roles.REPORTER)).get("/api/incidents").then().statusCode(403)
                .contentType(ContentType.JSON)
                .body("message", equalTo("'intake' (reporter) may not do this; it needs the role viewer"));
    }

    @Test
    void shouldLetAnOperatorReadThroughTheLadder() {
        as(IdentityStandIn.tokenOf(Roles.OPERATOR)).queryParam("target", "nobody-" + UUID.randomUUID())
                .get("/api/incidents").then().statusCode(200).body("$", empty());
    }

    @Test
    void shouldRefuseATokenTheIdentityOwnerDoesNotKnow() {
        as("aeg_" + "x".repeat(43)).get("/api/incidents").then().statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", startsWith("Bearer "))
                .body("status", equalTo(401))
                .body("message", containsString("not valid"));
    }

    @Test
    void shouldAskTheSenderToRetryWhenTheIdentityOwnerCannotBeReached() {
        String target = "svc-" + UUID.randomUUID().toString().substring(0, 8);

        as(IdentityStandIn.DOWN).body(alert(target)).post("/api/alerts").then().statusCode(503)
                .contentType(ContentType.JSON).header("Retry-After", "5")
                .body("message", containsString("cannot check credentials right now"));

        assertThat(incidentsOf(target)).isEmpty();
    }

    @Test
    void shouldRecordTheDashboardSessionThatResolvedAnIncident() {
        String target = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        String incidentId = as(IdentityStandIn.tokenOf(Roles.REPORTER)).body(alert(target)).post("/api/alerts")
                .then().statusCode(202).extract().path("incidentId");

        as(IdentityStandIn.OPERATOR_SESSION).body(Map.of("actor", "mallory", "reason", "fixed by hand"))
                .post("/api/incidents/{id}/resolve", incidentId).then().statusCode(200)
                .body("timeline[1].actor", equalTo("olga (dashboard session)"));
    }
}
