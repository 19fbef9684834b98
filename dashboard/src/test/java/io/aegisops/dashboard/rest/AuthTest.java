package io.aegisops.dashboard.rest;

import io.aegisops.dashboard.support.StandInServices;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Signing in keeps the session token where the page's script cannot read it and no other site can make the browser
 * send it; every role is enforced by the dashboard and the person's own token goes on to the service that acts, so
 * that service checks and records the same person; the dashboard's own token only serves the watcher; a POST sent by
 * another site's page is refused before anything else.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "dashboard"))
@QuarkusTestResource(StandInServices.class)
class AuthTest {

    private static final String COOKIE = "aegis_session";
    private static final String APPROVAL = UUID.randomUUID().toString();

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Response login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }

    private static RequestSpecification bearer(String role, String name) {
        return given().header("Authorization", "Bearer " + StandInServices.token("api-token", role, name));
    }

    private static Map<String, Object> approve(String reason) {
        return Map.of("decision", "APPROVE", "reason", reason);
    }

    @Test
    void shouldOfferOnlyThePasswordWhenNoProviderIsConfigured() {
        given().get("/api/auth/options").then().statusCode(200).body("password", equalTo(true))
                .body("oidc", equalTo(false));
        given().redirects().follow(false).get("/api/auth/oidc").then().statusCode(404).contentType(ContentType.JSON)
                .body("message", containsString("set AEGIS_OIDC_ISSUER and AEGIS_OIDC_CLIENT_ID"));
    }

    @Test
    void shouldKeepTheSessionTokenInAnHttpOnlyStrictCookieAndOutOfTheBody() {
        Response answer = login("alice", StandInServices.PASSWORD);

        answer.then().statusCode(200).body("name", equalTo("alice")).body("role", equalTo("approver"))
                .body("token", nullValue());
        String token = StandInServices.token("session", "approver", "alice");
        assertThat(answer.asString()).doesNotContain(token);
        String setCookie = answer.header("Set-Cookie");
        assertThat(setCookie).startsWith(COOKIE + "=" + token + ";").contains("HttpOnly").contains("Path=/")
                .containsIgnoringCase("SameSite=Strict").doesNotContain("Secure");
        long maxAge = Long.parseLong(setCookie.replaceAll(".*Max-Age=(\\d+).*", "$1"));
        assertThat(maxAge).as("the cookie lives as long as the 8 h session").isBetween(8 * 3600L - 60, 8 * 3600L);

        given().cookie(COOKIE, answer.cookie(COOKIE)).get("/api/auth/me").then().statusCode(200)
                .body("name", equalTo("alice")).body("role", equalTo("approver")).body("via", equalTo("session"))
                .body("roles", equalTo(List.of("viewer", "operator", "approver")));
    }

    @Test
    void shouldAnswer401WithApprovalServicesMessageToAWrongPassword() {
        Response answer = login("alice", "wrong");

        answer.then().statusCode(401).contentType(ContentType.JSON)
                .body("message", equalTo(StandInServices.WRONG_LOGIN));
        assertThat(answer.header("Set-Cookie")).isNull();
        given().contentType(ContentType.JSON).body(Map.of("username", "alice")).post("/api/auth/login").then()
                .statusCode(400).body("violations.field", equalTo(List.of("password")));
    }

    @Test
    void shouldRevokeTheSessionWithItsOwnTokenAndClearTheCookieOnLogout() {
        String session = login("bert", StandInServices.PASSWORD).cookie(COOKIE);

        // The stand-in answers 400 unless it is sent bert's session token as the bearer.
        Response answer = given().cookie(COOKIE, session).post("/api/auth/logout");

        answer.then().statusCode(204);
        assertThat(answer.header("Set-Cookie")).startsWith(COOKIE + "=;").contains("Max-Age=0").contains("HttpOnly");
        given().post("/api/auth/logout").then().statusCode(401);
    }

    @Test
    void shouldNotRevokeAnApiTokenThatSignsOut() {
        // The stand-in refuses to revoke anything but a session (400): a 204 means it was not asked.
        bearer(Roles.VIEWER, "script").post("/api/auth/logout").then().statusCode(204);
    }

    @Test
    void shouldSayWhoIsCallingWithAnApiToken() {
        bearer(Roles.OPERATOR, "otto").get("/api/auth/me").then().statusCode(200)
                .body("name", equalTo("otto")).body("role", equalTo("operator")).body("via", equalTo("api-token"))
                .body("roles", equalTo(List.of("viewer", "operator")));
        given().get("/api/auth/me").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer nobody-issued-this").get("/api/auth/me").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "vera", roles = Roles.VIEWER)
    void shouldRefuseADecisionToAViewer() {
        given().contentType(ContentType.JSON).body(approve("viewer tries")).post("/api/approvals/{id}/decision", APPROVAL)
                .then().statusCode(403).body("message", containsString("approver"));
    }

    @Test
    @TestSecurity(user = "otto", roles = {Roles.VIEWER, Roles.OPERATOR})
    void shouldRefuseADecisionToAnOperator() {
        given().contentType(ContentType.JSON).body(approve("operator tries")).post("/api/approvals/{id}/decision", APPROVAL)
                .then().statusCode(403).body("message", containsString("'otto' (operator) may not do this"))
                .body("message", containsString("approver"));
    }

    @Test
    void shouldPassTheApproversOwnTokenOnWithADecision() {
        bearer(Roles.APPROVER, "ann").contentType(ContentType.JSON).body(approve("ann's own token"))
                .post("/api/approvals/{id}/decision", APPROVAL)
                .then().statusCode(200)
                .body("authorization", equalTo("Bearer " + StandInServices.token("api-token", "approver", "ann")));

        String session = login("alice", StandInServices.PASSWORD).cookie(COOKIE);
        given().cookie(COOKIE, session).contentType(ContentType.JSON).body(approve("alice's session"))
                .post("/api/approvals/{id}/decision", APPROVAL)
                .then().statusCode(200)
                .body("authorization", equalTo("Bearer " + StandInServices.token("session", "approver", "alice")));
        bearer(Roles.VIEWER, "vic").get("/api/activity").then()
                .body("find { it.detail == \"alice's session\" }.actor", equalTo("alice (dashboard session)"))
                .body("find { it.detail == \"ann's own token\" }.actor", equalTo("ann"));
    }

    @Test
    void shouldReadWithTheUsersTokenAndLeaveTheServiceTokenToTheWatcher() {
        bearer(Roles.VIEWER, "vic").get("/api/notifications").then().statusCode(200)
                .body("items[0].authorization", equalTo("Bearer " + StandInServices.SERVICE_TOKEN));
        bearer(Roles.VIEWER, "vic").get("/api/notifications?incidentId={id}", UUID.randomUUID().toString()).then()
                .statusCode(200)
                .body("[0].authorization", equalTo("Bearer " + StandInServices.token("api-token", "viewer", "vic")));
    }

    @Test
    void shouldNotHandTheUsersTokenToBuggyApp() {
        bearer(Roles.OPERATOR, "otto").contentType(ContentType.JSON).body(Map.of("value", 10))
                .post("/api/faults/memory").then().statusCode(200).body("answer.authorization", equalTo("none"));
    }

    @Test
    void shouldRefuseAPostFromAnotherSitesPage() {
        given().header("Origin", "http://evil.example").contentType(ContentType.JSON)
                .body(Map.of("username", "alice", "password", StandInServices.PASSWORD)).post("/api/auth/login")
                .then().statusCode(403).header("Set-Cookie", nullValue())
                .body("message", containsString("another origin (Origin: http://evil.example)"));
        bearer(Roles.APPROVER, "ann").header("Sec-Fetch-Site", "cross-site").contentType(ContentType.JSON)
                .body(approve("from elsewhere")).post("/api/approvals/{id}/decision", APPROVAL)
                .then().statusCode(403).body("message", containsString("Sec-Fetch-Site: cross-site"));
    }

    @Test
    void shouldLetThePagesOwnPostThrough() {
        String origin = root.getProtocol() + "://" + root.getAuthority();
        given().header("Origin", origin).header("Sec-Fetch-Site", "same-origin").contentType(ContentType.JSON)
                .body(Map.of("username", "alice", "password", StandInServices.PASSWORD)).post("/api/auth/login")
                .then().statusCode(200).body("name", equalTo("alice"));
    }
}
