package io.aegisops.approval.rest;

import io.aegisops.approval.support.OidcStandIn;
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
        given().auth().oauth2("aeg_test-admin-token-0123456789abcdefghijklmnop").get("/api/auth/me").then()
                .statusCode(200).body("name", equalTo("admin")).body("via", equalTo("api-token"));
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
