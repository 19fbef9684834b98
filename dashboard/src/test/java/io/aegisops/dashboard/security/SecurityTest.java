package io.aegisops.dashboard.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.EventCodec;
import io.aegisops.dashboard.support.StandInServices;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.OpenApiWalk;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of the dashboard's own OpenAPI document, so an endpoint added tomorrow is walked too: without
 * credentials every /api operation but the login is a 401, and a viewer may change nothing (403) but sign in and out.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "dashboard"))
@QuarkusTestResource(StandInServices.class)
class SecurityTest {

    private static final Set<String> OPEN_TO_ANYONE = Set.of("POST /api/auth/login");
    private static final Set<String> OPEN_TO_A_VIEWER = Set.of("POST /api/auth/login", "POST /api/auth/logout");

    private static List<OpenApiWalk.Operation> apiOperations() throws Exception {
        JsonNode document = EventCodec.mapper().readTree(given().accept(ContentType.JSON)
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<OpenApiWalk.Operation> operations = OpenApiWalk.operations(document).stream()
                .filter(o -> o.template().startsWith("/api/")).toList();
        assertThat(operations).as("the walk sees the dashboard's API").hasSizeGreaterThan(20)
                .extracting(OpenApiWalk.Operation::toString)
                .contains("POST /api/approvals/{id}/decision", "POST /api/faults/{kind}", "GET /api/stream",
                        "POST /api/auth/login", "GET /api/auth/me");
        return operations;
    }

    /** Mutating calls carry a JSON body, so what answers is the role check rather than a missing body. */
    private static int call(OpenApiWalk.Operation operation) {
        RequestSpecification request = given().redirects().follow(false);
        if (operation.mutating()) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request.request(operation.method(), operation.path()).then().extract().statusCode();
    }

    @Test
    void shouldAnswer401WithoutCredentialsToEveryApiOperationButTheLogin() throws Exception {
        List<String> wrong = new ArrayList<>();
        int walked = 0;
        for (OpenApiWalk.Operation operation : apiOperations()) {
            if (OPEN_TO_ANYONE.contains(operation.toString())) {
                continue;
            }
            walked++;
            int status = call(operation);
            if (status != 401) {
                wrong.add(operation + " → " + status);
            }
        }
        assertThat(wrong).as("anonymous calls not answered 401 (of %d walked)", walked).isEmpty();
    }

    @Test
    @TestSecurity(user = "vera", roles = Roles.VIEWER)
    void shouldAnswer403ToAViewerOnEveryMutatingOperationButSigningInAndOut() throws Exception {
        List<OpenApiWalk.Operation> mutating = apiOperations().stream().filter(OpenApiWalk.Operation::mutating)
                .filter(o -> !OPEN_TO_A_VIEWER.contains(o.toString())).toList();
        assertThat(mutating).hasSizeGreaterThanOrEqualTo(6);
        List<String> wrong = new ArrayList<>();
        for (OpenApiWalk.Operation operation : mutating) {
            int status = call(operation);
            if (status != 403) {
                wrong.add(operation + " → " + status);
            }
        }
        assertThat(wrong).as("a viewer's changes not answered 403 (of %d walked)", mutating.size()).isEmpty();
    }
}
