package io.aegisops.approval.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.approval.support.TestCallers;
import io.aegisops.contract.EventCodec;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.OpenApiWalk;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation approval-service documents (its own OpenAPI), so an endpoint added without a role cannot
 * pass: without credentials every /api operation but the login is a 401, and a viewer may change nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "approval"))
class ApprovalSecurityTest {

    /** Reached without a token on purpose: the login itself, and Slack (its signature is its authentication). */
    private static final Set<String> OPEN = Set.of("POST /api/auth/sessions", "POST /slack/interactions");

    @BeforeEach
    void anonymousByDefault() {
        RestAssured.authentication = RestAssured.DEFAULT_AUTH;
    }

    private static List<OpenApiWalk.Operation> operations() throws Exception {
        JsonNode doc = EventCodec.mapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        return OpenApiWalk.operations(doc);
    }

    @Test
    void shouldAnswer401WithoutCredentialsOnEveryProtectedOperation() throws Exception {
        List<OpenApiWalk.Operation> walked = operations().stream().filter(o -> !OPEN.contains(o.toString())).toList();
        assertThat(walked).hasSizeGreaterThanOrEqualTo(14);
        for (OpenApiWalk.Operation operation : walked) {
            Response response = (operation.mutating() ? given().contentType(ContentType.JSON).body("{}") : given())
                    .request(operation.method(), operation.path());
            assertThat(response.statusCode()).as(operation.toString()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(operation.toString()).startsWith("Bearer");
            assertThat(response.<Integer>path("status")).as(operation.toString()).isEqualTo(401);
        }
    }

    @Test
    void shouldAnswer403ToAViewerOnEveryMutatingOperation() throws Exception {
        String viewer = TestCallers.token("walk-viewer", Roles.VIEWER);
        List<OpenApiWalk.Operation> walked = operations().stream().filter(OpenApiWalk.Operation::mutating)
                .filter(o -> !OPEN.contains(o.toString()))
                .filter(o -> !o.toString().equals("DELETE /api/auth/sessions/current"))
                .toList();
        assertThat(walked).extracting(OpenApiWalk.Operation::toString).contains(
                "POST /api/approvals/{id}/decision", "POST /api/approvals/{id}/comments", "POST /api/auth/users",
                "POST /api/auth/users/{name}/tokens", "DELETE /api/auth/tokens/{id}");
        for (OpenApiWalk.Operation operation : walked) {
            Response response = given().auth().oauth2(viewer).contentType(ContentType.JSON).body("{}")
                    .request(operation.method(), operation.path());
            assertThat(response.statusCode()).as(operation.toString()).isEqualTo(403);
            assertThat(response.<String>path("message")).as(operation.toString()).contains("(viewer) may not");
        }
    }

    @Test
    void shouldLetAViewerReadEveryReadOperation() throws Exception {
        String viewer = TestCallers.token("walk-viewer", Roles.VIEWER);
        for (OpenApiWalk.Operation operation : operations()) {
            boolean adminOnly = operation.template().startsWith("/api/auth/")
                    && !operation.template().equals("/api/auth/me");
            if (operation.mutating() || adminOnly) {
                continue;
            }
            int status = given().auth().oauth2(viewer).request(operation.method(), operation.path()).statusCode();
            assertThat(status).as(operation.toString()).isNotIn(401, 403);
        }
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
