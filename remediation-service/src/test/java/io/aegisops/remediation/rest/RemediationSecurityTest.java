package io.aegisops.remediation.rest;

import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.OpenApiWalk.Operation;
import io.aegisops.testsupport.SecurityWalk;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call remediation-service, walked from its own OpenAPI document ({@link SecurityWalk}) so a new endpoint is
 * checked the day it is written: without credentials every operation is a JSON 401, a reporter (a machine that only
 * hands in alerts) may read nothing, and a viewer may read everything but change nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "remediation"))
class RemediationSecurityTest {

    /** The role table the code must produce: a change to it is a change to this test. */
    private static final Map<String, Set<String>> ROLES = Map.of(
            "GET /api/containers", Set.of(Roles.VIEWER),
            "GET /api/refused-decisions", Set.of(Roles.VIEWER),
            "GET /api/remediations", Set.of(Roles.VIEWER),
            "GET /api/remediations/{id}", Set.of(Roles.VIEWER));

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
    @TestSecurity(user = "intake", roles = Roles.REPORTER)
    void shouldLetAReporterReadNothing() {
        SecurityWalk.assertEveryForbidden(SecurityWalk.documented(), operation -> given());
    }

    @Test
    @TestSecurity(user = "vera", roles = Roles.VIEWER)
    void shouldLetAViewerReadButChangeNothing() {
        List<Operation> operations = SecurityWalk.documented();

        SecurityWalk.assertEveryPermitted(operations, operation -> given());
        assertThat(operations).filteredOn(Operation::mutating).isEmpty();
    }
}
