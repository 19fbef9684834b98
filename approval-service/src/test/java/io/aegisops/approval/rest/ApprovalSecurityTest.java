package io.aegisops.approval.rest;

import io.aegisops.approval.support.TestCallers;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.OpenApiWalk;
import io.aegisops.testsupport.OpenApiWalk.Operation;
import io.aegisops.testsupport.SecurityWalk;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation approval-service documents ({@link SecurityWalk}) with real tokens from its own identity
 * store, so an endpoint added without a role cannot pass: without credentials every /api operation but the login is
 * a 401, a caller one role short of an operation gets a 403 naming the role, and a viewer reads everything but the
 * admin's pages.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "approval"))
class ApprovalSecurityTest {

    /** Reached without a token on purpose: the login itself (Slack's endpoint is not under /api: its signature is). */
    private static final Set<String> OPEN = Set.of("POST /api/auth/sessions", "POST /api/auth/sessions/oidc");
    /** What anyone signed in may do: who am I, and ending one's own session. */
    private static final Set<String> ANY_PRINCIPAL = Set.of("GET /api/auth/me", "DELETE /api/auth/sessions/current");

    @BeforeEach
    void anonymousByDefault() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    @Test
    void shouldAnswer401WithoutCredentialsOnEveryProtectedOperation() {
        List<Operation> walked = SecurityWalk.documented(o -> !OPEN.contains(o.toString()));

        SecurityWalk.assertEveryUnauthenticated(walked);
        assertThat(walked).hasSizeGreaterThanOrEqualTo(16);
    }

    @Test
    void shouldAnswer403ToACallerOneRoleShortOfEveryOperation() {
        List<Operation> walked = SecurityWalk.documented(o -> !OPEN.contains(o.toString())
                && !ANY_PRINCIPAL.contains(o.toString()));
        assertThat(walked).extracting(Operation::toString).contains(
                "POST /api/approvals/{id}/decision", "POST /api/approvals/{id}/comments", "POST /api/auth/users",
                "POST /api/auth/users/{name}/tokens", "DELETE /api/auth/tokens/{id}",
                "PUT /api/auth/slack-users/{slackUserId}");

        SecurityWalk.assertEveryForbidden(walked, operation -> {
            String role = Roles.justBelow(operation.requiredRoles());
            return given().auth().oauth2(TestCallers.token("walk-" + role, role));
        });
    }

    @Test
    void shouldLetAViewerReadEverythingButTheAdminsPages() {
        String viewer = TestCallers.token("walk-viewer", Roles.VIEWER);
        List<Operation> reads = SecurityWalk.documented(o -> !o.mutating()
                && o.requiredRoles().equals(Set.of(Roles.VIEWER)));
        assertThat(reads).hasSizeGreaterThanOrEqualTo(6);

        SecurityWalk.assertEveryPermitted(reads, operation -> given().auth().oauth2(viewer));
    }

    @Test
    void shouldLetAnOperatorCommentButNotDecide() {
        String operator = TestCallers.token("walk-operator", Roles.OPERATOR);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"decision\":\"APPROVE\"}")
                .post("/api/approvals/{id}/decision", OpenApiWalk.SAMPLE_ID).then().statusCode(403);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body("{\"text\":\"looking\"}")
                .post("/api/approvals/{id}/comments", OpenApiWalk.SAMPLE_ID).then().statusCode(404);
    }
}
