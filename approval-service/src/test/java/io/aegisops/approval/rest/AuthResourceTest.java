package io.aegisops.approval.rest;

import io.aegisops.approval.support.TestCallers;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The identity owner's API: who am I, logins, users and tokens, against the real store in PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "approval"))
class AuthResourceTest {

    /** The %test bootstrap admin (application.properties), registered at start-up as ./aegisops up would. */
    private static final String ADMIN_TOKEN = "aeg_test-admin-token-0123456789abcdefghijklmnop";
    private static final String ADMIN_PASSWORD = "test-admin-password";

    @BeforeEach
    void anonymousByDefault() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN_TOKEN);
    }

    @Test
    void shouldRegisterTheBootstrapAdminAndSayWhoIsCalling() {
        admin().get("/api/auth/me").then().statusCode(200)
                .body("name", equalTo("admin")).body("role", equalTo("admin")).body("via", equalTo("api-token"))
                .body("roles", equalTo(List.of("viewer", "operator", "approver", "admin")));
        given().get("/api/auth/me").then().statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("message", containsString("credentials are required"));
        given().auth().oauth2("aeg_nobody-ever-issued-this-token-000000000").get("/api/auth/me").then()
                .statusCode(401).body("message", containsString("not valid"));
    }

    @Test
    void shouldLogInWithAPasswordAndLogOutForGood() {
        String name = "pat-" + UUID.randomUUID().toString().substring(0, 8);
        admin().contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", "approver", "password", "correct horse battery"))
                .post("/api/auth/users").then().statusCode(201)
                .body("name", equalTo(name)).body("role", equalTo("approver")).body("createdBy", equalTo("admin"))
                .body("$", not(org.hamcrest.Matchers.hasKey("passwordHash")));

        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "wrong horse battery"))
                .post("/api/auth/sessions").then().statusCode(401)
                .body("message", equalTo("unknown user or wrong password"));
        given().contentType(ContentType.JSON).body(Map.of("username", "nobody-" + name, "password", "whatever1234"))
                .post("/api/auth/sessions").then().statusCode(401)
                .body("message", equalTo("unknown user or wrong password"));

        String session = given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "correct horse battery"))
                .post("/api/auth/sessions").then().statusCode(201)
                .body("name", equalTo(name)).body("role", equalTo("approver")).body("expiresAt", not(nullValue()))
                .extract().path("token");
        assertThat(session).startsWith("aeg_").hasSize(47);

        given().auth().oauth2(session).get("/api/auth/me").then().statusCode(200)
                .body("name", equalTo(name)).body("via", equalTo("session"));
        given().auth().oauth2(session).delete("/api/auth/sessions/current").then().statusCode(204);
        given().auth().oauth2(session).get("/api/auth/me").then().statusCode(401);
        admin().get("/api/auth/users").then().statusCode(200)
                .body("find { it.name == '" + name + "' }.tokens[0].kind", equalTo("SESSION"))
                .body("find { it.name == '" + name + "' }.tokens[0].revokedAt", not(nullValue()));
    }

    /** Password guessing is slowed per name; the right password is refused too while locked; tokens still work. */
    @Test
    void shouldLockANameAfterRepeatedWrongPasswordsWhileItsTokensKeepWorking() {
        String name = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        admin().contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", "operator", "password", "correct horse battery"))
                .post("/api/auth/users").then().statusCode(201);
        String token = admin().contentType(ContentType.JSON).body(Map.of("label", "cli"))
                .post("/api/auth/users/{name}/tokens", name).then().statusCode(201).extract().path("token");

        // The defaults let 5 failures through, then one guess per lock (30 s, doubling).
        for (int i = 1; i <= 6; i++) {
            given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "guess number " + i))
                    .post("/api/auth/sessions").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("username", name.toUpperCase(), "password",
                        "correct horse battery"))
                .post("/api/auth/sessions").then().statusCode(429).contentType(ContentType.JSON)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("message", startsWith("too many wrong passwords for this user; try again in"));

        given().auth().oauth2(token).get("/api/auth/me").then().statusCode(200).body("name", equalTo(name));
        given().contentType(ContentType.JSON).body(Map.of("username", "other-" + name, "password", "a guess 12"))
                .post("/api/auth/sessions").then().statusCode(401); // another name is not locked
    }

    @Test
    void shouldIssueTokensThatWorkUntilRevoked() {
        String name = "ci-" + UUID.randomUUID().toString().substring(0, 8);
        admin().contentType(ContentType.JSON).body(Map.of("name", name, "role", "viewer"))
                .post("/api/auth/users").then().statusCode(201);
        Map<String, Object> issued = admin().contentType(ContentType.JSON)
                .body(Map.of("label", "grafana", "expiresInDays", 30))
                .post("/api/auth/users/{name}/tokens", name).then().statusCode(201)
                .body("label", equalTo("grafana")).body("expiresAt", not(nullValue()))
                .extract().as(Map.class);
        String token = issued.get("token").toString();

        given().auth().oauth2(token).get("/api/approvals").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("text", "hi"))
                .post("/api/approvals/{id}/comments", UUID.randomUUID()).then().statusCode(403)
                .body("message", containsString("'" + name + "' (viewer) may not do this"))
                .body("message", containsString("operator"));
        admin().get("/api/auth/users").then().statusCode(200)
                .body("find { it.name == '" + name + "' }.tokens.label", hasItem("grafana"))
                .body("toString()", not(containsString(token)));

        admin().delete("/api/auth/tokens/{id}", issued.get("id")).then().statusCode(204);
        given().auth().oauth2(token).get("/api/approvals").then().statusCode(401);
        admin().delete("/api/auth/tokens/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldRefuseBadUsersNamingEveryProblem() {
        admin().contentType(ContentType.JSON).body(Map.of("name", "has space", "role", "root", "password", "short"))
                .post("/api/auth/users").then().statusCode(400)
                .body("violations.field", equalTo(List.of("name", "role", "password")));
        admin().contentType(ContentType.JSON).body(Map.of("name", "admin", "role", "viewer"))
                .post("/api/auth/users").then().statusCode(409).body("message", containsString("already exists"));
        admin().contentType(ContentType.JSON).body(Map.of("label", "x"))
                .post("/api/auth/users/{name}/tokens", "nobody-at-all").then().statusCode(404);
        admin().contentType(ContentType.JSON).body(Map.of("expiresInDays", 0))
                .post("/api/auth/users/{name}/tokens", "admin").then().statusCode(400)
                .body("violations.field", equalTo(List.of("expiresInDays")));
        given().contentType(ContentType.JSON).body(Map.of("username", "admin"))
                .post("/api/auth/sessions").then().statusCode(400).body("violations.field", equalTo(List.of("password")));
    }

    @Test
    void shouldLetOnlyAnAdminManagePrincipals() {
        String approver = TestCallers.token("auth-approver", Roles.APPROVER);
        given().auth().oauth2(approver).get("/api/auth/users").then().statusCode(403)
                .body("message", containsString("needs the role admin"));
        given().auth().oauth2(approver).contentType(ContentType.JSON).body(Map.of("name", "mallory", "role", "admin"))
                .post("/api/auth/users").then().statusCode(403);
        admin().get("/api/auth/users").then().statusCode(200).body("find { it.name == 'mallory' }", nullValue());
    }

    @Test
    void shouldLogTheBootstrapAdminInWithItsGeneratedPassword() {
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", ADMIN_PASSWORD))
                .post("/api/auth/sessions").then().statusCode(201).body("role", equalTo("admin"));
    }

    @Test
    void shouldSayHowToSwitchOnSignInThroughAProviderWhenItIsOff() {
        given().contentType(ContentType.JSON).body(Map.of("idToken", "eyJ.x.y", "nonce", "n"))
                .post("/api/auth/sessions/oidc").then().statusCode(404).contentType(ContentType.JSON)
                .body("message", containsString("set AEGIS_OIDC_ISSUER and AEGIS_OIDC_CLIENT_ID"));
    }

    @Test
    void shouldLetAnAdminMapSlackUsersToPrincipals() {
        TestCallers.token("sam", Roles.APPROVER);
        admin().contentType(ContentType.JSON).body(Map.of("principal", "sam"))
                .put("/api/auth/slack-users/{id}", "U0SAM1").then().statusCode(200)
                .body("slackUserId", equalTo("U0SAM1")).body("principal", equalTo("sam"))
                .body("createdBy", equalTo("admin"));
        admin().get("/api/auth/slack-users").then().statusCode(200)
                .body("find { it.slackUserId == 'U0SAM1' }.principal", equalTo("sam"));
        admin().contentType(ContentType.JSON).body(Map.of("principal", "nobody-here"))
                .put("/api/auth/slack-users/{id}", "U0SAM2").then().statusCode(404);
        admin().contentType(ContentType.JSON).body(Map.of("principal", "sam"))
                .put("/api/auth/slack-users/{id}", "jane").then().statusCode(400)
                .body("violations.field", equalTo(List.of("slackUserId")));
        given().auth().oauth2(TestCallers.token("sam", Roles.APPROVER)).contentType(ContentType.JSON)
                .body(Map.of("principal", "sam")).put("/api/auth/slack-users/{id}", "U0SAM3").then().statusCode(403);
        admin().delete("/api/auth/slack-users/{id}", "U0SAM1").then().statusCode(204);
        admin().delete("/api/auth/slack-users/{id}", "U0SAM1").then().statusCode(404);
    }
}
