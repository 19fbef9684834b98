package io.aegisops.diagnosis.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.EventCodec;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.OpenApiWalk;
import io.aegisops.testsupport.OpenApiWalk.Operation;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call diagnosis-service, walked from its own OpenAPI document so a new endpoint is checked the day it is
 * written: without credentials every operation is a JSON 401, a reporter (a machine that only hands in alerts) may
 * read nothing, and a viewer may read everything but change nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "diagnosis"))
class DiagnosisSecurityTest {

    /** The role table the code must produce: a change to it is a change to this test. */
    private static final Map<String, Set<String>> ROLES = Map.of(
            "GET /api/diagnoses", Set.of(Roles.VIEWER),
            "GET /api/diagnoses/{id}", Set.of(Roles.VIEWER),
            "GET /api/incidents/{id}/similar", Set.of(Roles.VIEWER),
            "GET /api/learning", Set.of(Roles.VIEWER),
            "GET /api/rules", Set.of(Roles.VIEWER),
            "GET /api/runbooks", Set.of(Roles.VIEWER),
            "GET /api/runbooks/search", Set.of(Roles.VIEWER));

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static List<Operation> operations() throws IOException {
        String document = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        JsonNode openApi = EventCodec.mapper().readTree(document);
        return OpenApiWalk.operations(openApi).stream().filter(o -> o.template().startsWith("/api/")).toList();
    }

    private static Response call(Operation operation) {
        return given().contentType(ContentType.JSON).body("{}").request(operation.method(), operation.path());
    }

    @Test
    void shouldDocumentTheRolesOfEveryOperation() throws IOException {
        Map<String, Set<String>> documented = operations().stream()
                .collect(Collectors.toMap(Operation::toString, Operation::requiredRoles, (a, b) -> a, TreeMap::new));

        assertThat(documented).isEqualTo(new TreeMap<>(ROLES));
    }

    @Test
    void shouldRefuseEveryOperationWithoutCredentials() throws IOException {
        List<Operation> operations = operations();

        for (Operation operation : operations) {
            Response response = call(operation);
            assertThat(response.statusCode()).as(operation.toString()).isEqualTo(401);
            assertThat(response.contentType()).as(operation.toString()).startsWith("application/json");
            assertThat(response.header("WWW-Authenticate")).as(operation.toString()).startsWith("Bearer ");
            assertThat(response.jsonPath().getInt("status")).as(operation.toString()).isEqualTo(401);
        }
        assertThat(operations).hasSize(ROLES.size());
    }

    @Test
    @TestSecurity(user = "intake", roles = Roles.REPORTER)
    void shouldLetAReporterReadNothing() throws IOException {
        List<Operation> operations = operations();

        for (Operation operation : operations) {
            Response response = call(operation);
            assertThat(response.statusCode()).as(operation.toString()).isEqualTo(403);
            assertThat(response.jsonPath().getString("message")).as(operation.toString())
                    .isEqualTo("'intake' (reporter) may not do this; it needs the role "
                            + String.join(" or ", operation.requiredRoles()));
        }
        assertThat(operations).hasSize(ROLES.size());
    }

    @Test
    @TestSecurity(user = "vera", roles = Roles.VIEWER)
    void shouldLetAViewerReadButChangeNothing() throws IOException {
        List<Operation> operations = operations();

        for (Operation operation : operations) {
            int status = call(operation).statusCode();
            if (operation.mutating()) {
                assertThat(status).as(operation + " as viewer").isEqualTo(403);
            } else {
                assertThat(status).as(operation + " as viewer").isNotIn(401, 403);
            }
        }
        assertThat(operations).filteredOn(Operation::mutating).isEmpty();
    }
}
