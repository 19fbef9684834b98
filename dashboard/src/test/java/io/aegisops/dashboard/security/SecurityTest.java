package io.aegisops.dashboard.security;

import io.aegisops.dashboard.support.StandInServices;
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
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of the dashboard's own OpenAPI document ({@link SecurityWalk}), so an endpoint added tomorrow
 * is walked too: without credentials every /api operation but the login is a 401, and a viewer may change nothing
 * (403 naming the role) but sign in and out.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "dashboard"))
@QuarkusTestResource(StandInServices.class)
class SecurityTest {

    /** The ways in: the password form, and the sign-in through the OIDC provider (start, callback, which is on). */
    private static final Set<String> OPEN_TO_ANYONE = Set.of("POST /api/auth/login", "GET /api/auth/options",
            "GET /api/auth/oidc", "GET /api/auth/oidc/callback");
    private static final Set<String> OPEN_TO_A_VIEWER = Set.of("POST /api/auth/login", "POST /api/auth/logout");

    private static List<Operation> apiOperations() {
        List<Operation> operations = SecurityWalk.documented();
        assertThat(operations).as("the walk sees the dashboard's API").hasSizeGreaterThan(20)
                .extracting(Operation::toString)
                .contains("POST /api/approvals/{id}/decision", "POST /api/faults/{kind}", "GET /api/stream",
                        "POST /api/auth/login", "GET /api/auth/me");
        return operations;
    }

    @Test
    void shouldAnswer401WithoutCredentialsToEveryApiOperationButTheLogin() {
        SecurityWalk.assertEveryUnauthenticated(apiOperations().stream()
                .filter(o -> !OPEN_TO_ANYONE.contains(o.toString())).toList());
    }

    @Test
    @TestSecurity(user = "vera", roles = Roles.VIEWER)
    void shouldAnswer403ToAViewerOnEveryMutatingOperationButSigningInAndOut() {
        List<Operation> mutating = apiOperations().stream().filter(Operation::mutating)
                .filter(o -> !OPEN_TO_A_VIEWER.contains(o.toString())).toList();
        assertThat(mutating).hasSizeGreaterThanOrEqualTo(6);

        SecurityWalk.assertEveryForbidden(mutating, operation -> given());
    }
}
