package io.aegisops.approval.rest;

import io.aegisops.testsupport.OidcStandIn;
import io.aegisops.testsupport.AegisInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * OIDC switched on (the stand-in's issuer, client id, Keycloak-style roles claim and a mapping): the provider's tokens
 * work as bearer tokens with the role their claim grants, and anything not issued for us is refused.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "approval"))
@QuarkusTestResource(value = OidcStandIn.class, restrictToAnnotatedClass = true)
class OidcTokenTest {

    private static final String ADMIN = "aeg_test-admin-token-0123456789abcdefghijklmnop";

    @BeforeEach
    void anonymousByDefault() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @Test
    void shouldTakeTheNameAndTheRoleFromTheProvidersToken() {
        given().auth().oauth2(OidcStandIn.sign(OidcStandIn.claims("alice", "sre", "offline_access")))
                .get("/api/auth/me").then().statusCode(200)
                .body("name", equalTo("alice")).body("role", equalTo("approver")).body("via", equalTo("oidc"))
                .body("roles", equalTo(List.of("viewer", "operator", "approver")));
        given().auth().oauth2(OidcStandIn.sign(OidcStandIn.claims("root", "viewer", "aegis-admins")))
                .get("/api/auth/me").then().statusCode(200).body("role", equalTo("admin"));
        given().auth().oauth2(OidcStandIn.sign(OidcStandIn.claims("olga", "operator")))
                .get("/api/auth/me").then().statusCode(200).body("role", equalTo("operator"));
    }

    @Test
    void shouldLetTheRoleDecideWhatTheTokenMayDo() {
        String viewer = OidcStandIn.sign(OidcStandIn.claims("vic", "viewer"));
        String approver = OidcStandIn.sign(OidcStandIn.claims("ann", "sre"));

        given().auth().oauth2(viewer).get("/api/approvals").then().statusCode(200);
        given().auth().oauth2(viewer).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/approvals/{id}/decision", UUID.randomUUID()).then().statusCode(403)
                .body("message", containsString("'vic' (viewer) may not do this"));
        given().auth().oauth2(approver).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/approvals/{id}/decision", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void shouldRefuseTokensNotIssuedForUsOrGrantingNoRole() {
        JwtClaims otherAudience = OidcStandIn.claims("eve", "sre");
        otherAudience.setAudience("another-app");
        JwtClaims otherIssuer = OidcStandIn.claims("eve", "sre");
        otherIssuer.setIssuer("https://evil.example/realms/aegis");
        JwtClaims expired = OidcStandIn.claims("eve", "sre");
        expired.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));

        for (String token : List.of(
                OidcStandIn.signWithForeignKey(OidcStandIn.claims("eve", "sre")),
                OidcStandIn.sign(otherAudience),
                OidcStandIn.sign(otherIssuer),
                OidcStandIn.sign(expired),
                OidcStandIn.sign(OidcStandIn.claims("nobody", "offline_access")),
                unsigned(OidcStandIn.claims("eve", "sre")))) {
            given().auth().oauth2(token).get("/api/auth/me").then().statusCode(401)
                    .body("message", containsString("not valid"));
        }
    }

    @Test
    void shouldFetchTheProvidersKeysOnceNotPerRequest() {
        int before = OidcStandIn.keyFetches();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(OidcStandIn.sign(OidcStandIn.claims("user" + i, "viewer")))
                    .get("/api/auth/me").then().statusCode(200);
        }

        assertThat(OidcStandIn.keyFetches()).isPositive();
        assertThat(OidcStandIn.keyFetches() - before).as("fetches for five tokens").isLessThanOrEqualTo(1);
    }

    @Test
    void shouldKeepAcceptingAegisOpsOwnTokensBesideTheProviders() {
        given().auth().oauth2(ADMIN).get("/api/auth/me").then()
                .statusCode(200).body("name", equalTo("admin")).body("via", equalTo("api-token"));
    }

    @Test
    void shouldTradeTheIdTokenOfTheDashboardsSignInForASessionWhoseRoleFollowsTheProvider() {
        String first = oidcSession("nonce-dora-1", OidcStandIn.idToken("nonce-dora-1", "dora", "sre")).then()
                .statusCode(201).body("name", equalTo("dora")).body("role", equalTo("approver"))
                .extract().path("token");
        assertThat(first).startsWith("aeg_");
        given().auth().oauth2(first).get("/api/auth/me").then().statusCode(200)
                .body("name", equalTo("dora")).body("role", equalTo("approver")).body("via", equalTo("session"));
        List<Map<String, Object>> users = given().auth().oauth2(ADMIN).get("/api/auth/users").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.name == 'dora' }");
        assertThat(users).singleElement().satisfies(user -> assertThat((String) user.get("createdBy"))
                .isEqualTo("oidc sign-in (" + OidcStandIn.issuer() + ")"));

        // The provider took the sre group away: the next sign-in says so, and the open session follows at once.
        oidcSession("nonce-dora-2", OidcStandIn.idToken("nonce-dora-2", "dora", "viewer")).then().statusCode(201)
                .body("role", equalTo("viewer"));
        given().auth().oauth2(first).get("/api/auth/me").then().statusCode(200).body("role", equalTo("viewer"));
        given().auth().oauth2(first).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/approvals/{id}/decision", UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void shouldRefuseAnIdTokenOfAnotherSignInOrNotFromTheProvider() {
        JwtClaims noNonce = OidcStandIn.claims("mallory", "sre");
        JwtClaims forged = OidcStandIn.claims("mallory", "sre");
        forged.setClaim("nonce", "nonce-m");

        for (String idToken : List.of(OidcStandIn.idToken("another-sign-in", "mallory", "sre"),
                OidcStandIn.sign(noNonce), OidcStandIn.signWithForeignKey(forged),
                OidcStandIn.idToken("nonce-m", "mallory", "offline_access"))) {
            oidcSession("nonce-m", idToken).then().statusCode(401)
                    .body("message", containsString("ID token was refused"));
        }
        given().contentType(ContentType.JSON).body(Map.of("idToken", "")).post("/api/auth/sessions/oidc").then()
                .statusCode(400).body("violations.field", equalTo(List.of("idToken", "nonce")));
        given().auth().oauth2(ADMIN).get("/api/auth/users").then().statusCode(200)
                .body("findAll { it.name == 'mallory' }", equalTo(List.of()));
    }

    @Test
    void shouldNotLetAProviderUserTakeOverALocalPrincipalOfTheSameName() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "lena", "role", "viewer", "password", "a-long-enough-password"))
                .post("/api/auth/users").then().statusCode(201);

        oidcSession("nonce-lena", OidcStandIn.idToken("nonce-lena", "lena", "aegis-admins")).then().statusCode(409)
                .body("message", containsString("a local principal named 'lena' exists"));
        given().auth().oauth2(ADMIN).get("/api/auth/users").then().statusCode(200)
                .body("find { it.name == 'lena' }.role", equalTo("viewer"));
        oidcSession("nonce-x", OidcStandIn.idToken("nonce-x", "Lena Smith", "sre")).then().statusCode(422)
                .body("message", containsString("AEGIS_OIDC_NAME_CLAIM"));
    }

    private static io.restassured.response.Response oidcSession(String nonce, String idToken) {
        return given().contentType(ContentType.JSON).body(Map.of("idToken", idToken, "nonce", nonce))
                .post("/api/auth/sessions/oidc");
    }

    /** The same claims with {@code alg: none}: what a forger who has no key sends. */
    private static String unsigned(JwtClaims claims) {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + base64(claims.toJson()) + ".";
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
