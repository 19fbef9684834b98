package io.aegisops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.EventCodec;
import io.aegisops.testsupport.OpenApiWalk;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.aegisops.e2e.Stack.anonymous;
import static io.aegisops.e2e.Stack.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mutating endpoint of every service, taken from each service's own OpenAPI document on the running stack,
 * asked without credentials (401) and with a role below the one it needs (403), with real tokens issued by the real
 * identity store. Writes the endpoint → role table it walked to target/auth-endpoints.md.
 */
class AuthIT {

    /**
     * Open on purpose: logins (password, and the OIDC provider's: its ID token is the credential), and Slack (its
     * request signature is its authentication).
     */
    private static final Set<String> OPEN = Set.of("approval POST /api/auth/sessions",
            "approval POST /api/auth/sessions/oidc", "approval POST /slack/interactions",
            "dashboard POST /api/auth/login", "dashboard GET /api/auth/options", "dashboard GET /api/auth/oidc",
            "dashboard GET /api/auth/oidc/callback");
    /** Ending one's own session is allowed to anyone signed in. */
    private static final Set<String> OWN_SESSION = Set.of("approval DELETE /api/auth/sessions/current",
            "dashboard POST /api/auth/logout");
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();
    private static final List<String> TABLE = new ArrayList<>();
    private static final AtomicInteger UNAUTHORIZED = new AtomicInteger();
    private static final AtomicInteger FORBIDDEN = new AtomicInteger();

    static {
        SERVICES.put("monitor", Stack.MONITOR);
        SERVICES.put("diagnosis", Stack.DIAGNOSIS);
        SERVICES.put("remediation", Stack.REMEDIATION);
        SERVICES.put("approval", Stack.APPROVAL);
        SERVICES.put("dashboard", Stack.DASHBOARD);
    }

    private static List<OpenApiWalk.Operation> operations(String baseUrl) throws IOException {
        String doc = anonymous(baseUrl).queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        JsonNode openApi = EventCodec.mapper().readTree(doc);
        return OpenApiWalk.operations(openApi).stream().filter(o -> o.template().startsWith("/api/")
                || o.template().startsWith("/slack/")).toList();
    }

    @Test
    void shouldRefuseEveryProtectedOperationOfEveryServiceWithoutCredentials() throws IOException {
        int walked = 0;
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            for (OpenApiWalk.Operation operation : operations(service.getValue())) {
                String key = service.getKey() + " " + operation;
                TABLE.add("| " + service.getKey() + " | " + operation.method() + " " + operation.template() + " | "
                        + (OPEN.contains(key) ? "none (open)" : operation.requiredRoles().isEmpty()
                        ? "any principal" : String.join(" or ", operation.requiredRoles())) + " |");
                if (OPEN.contains(key)) {
                    continue;
                }
                Response response = request(anonymous(service.getValue()), operation);
                assertThat(response.statusCode()).as(key).isEqualTo(401);
                assertThat(response.<Integer>path("status")).as(key + " answers JSON").isEqualTo(401);
                UNAUTHORIZED.incrementAndGet();
                walked++;
            }
        }
        assertThat(walked).as("operations walked on five services").isGreaterThanOrEqualTo(40);
    }

    @Test
    void shouldRefuseEveryMutatingOperationToAViewer() throws IOException {
        Stack.Credentials viewer = Stack.userWithRole("viewer");
        int walked = 0;
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            for (OpenApiWalk.Operation operation : operations(service.getValue())) {
                String key = service.getKey() + " " + operation;
                if (!operation.mutating() || OPEN.contains(key) || OWN_SESSION.contains(key)) {
                    continue;
                }
                Response response = request(Stack.as(viewer, service.getValue()), operation);
                assertThat(response.statusCode()).as(key).isEqualTo(403);
                assertThat(response.<String>path("message")).as(key).contains("may not");
                FORBIDDEN.incrementAndGet();
                walked++;
            }
        }
        assertThat(walked).as("mutating operations walked").isGreaterThanOrEqualTo(12);
    }

    @Test
    void shouldLetAnOperatorActButNotDecide() {
        Stack.Credentials operator = Stack.userWithRole("operator");
        Stack.as(operator, Stack.APPROVAL).body(Map.of("decision", "APPROVE"))
                .post("/api/approvals/{id}/decision", OpenApiWalk.SAMPLE_ID).then().statusCode(403);
        Stack.as(operator, Stack.DASHBOARD).body(Map.of("decision", "APPROVE"))
                .post("/api/approvals/{id}/decision", OpenApiWalk.SAMPLE_ID).then().statusCode(403);
        FORBIDDEN.addAndGet(2);
        Stack.as(operator, Stack.MONITOR).body(Map.of("reason", "nothing to resolve"))
                .post("/api/incidents/{id}/resolve", OpenApiWalk.SAMPLE_ID).then().statusCode(404);
    }

    @Test
    void shouldStoreNothingFromAForgedAlertWithoutAToken() {
        String target = "forged-" + UUID.randomUUID().toString().substring(0, 8);
        anonymous(Stack.MONITOR).body(Map.of("type", "CRASH", "service", target, "metrics", Map.of("exitCode", 137)))
                .post("/api/alerts").then().statusCode(401);
        anonymous(Stack.MONITOR).header("Authorization", "Bearer aeg_forged-token-that-nobody-ever-issued-000")
                .body(Map.of("type", "CRASH", "service", target)).post("/api/alerts").then().statusCode(401);
        UNAUTHORIZED.addAndGet(2);
        assertThat(at(Stack.MONITOR).queryParam("target", target).get("/api/incidents").then().statusCode(200)
                .extract().jsonPath().getList("$")).as("incidents of the forged target").isEmpty();
    }

    @Test
    void shouldTakeAlertsFromTheIntakeTokenButShowItNothing() {
        String target = "intake-" + UUID.randomUUID().toString().substring(0, 8);
        anonymous(Stack.MONITOR).auth().oauth2(Stack.intakeToken())
                .body(Map.of("type", "LATENCY", "service", target, "summary", "p95 2.3 s"))
                .post("/api/alerts").then().statusCode(202);
        anonymous(Stack.MONITOR).auth().oauth2(Stack.intakeToken()).get("/api/incidents").then().statusCode(403);
        FORBIDDEN.incrementAndGet();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !at(Stack.MONITOR)
                .queryParam("target", target).get("/api/incidents").then().extract().jsonPath().getList("$").isEmpty());
    }

    @Test
    void shouldStopAcceptingARevokedTokenEverywhere() {
        Stack.Credentials viewer = Stack.person("e2e-revoked", "viewer");
        Stack.as(viewer, Stack.MONITOR).get("/api/incidents").then().statusCode(200);
        String id = at(Stack.APPROVAL).get("/api/auth/users").then().statusCode(200).extract().jsonPath()
                .getString("find { it.name == '" + viewer.name() + "' }.tokens[0].id");
        at(Stack.APPROVAL).delete("/api/auth/tokens/{id}", id).then().statusCode(204);
        Stack.as(viewer, Stack.APPROVAL).get("/api/approvals").then().statusCode(401);
        org.awaitility.Awaitility.await("monitor forgets the revoked token").atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> Stack.as(viewer, Stack.MONITOR).get("/api/incidents").statusCode() == 401);
        UNAUTHORIZED.addAndGet(2);
    }

    private static Response request(io.restassured.specification.RequestSpecification spec,
                                    OpenApiWalk.Operation operation) {
        return (operation.mutating() ? spec.body("{}") : spec).request(operation.method(), operation.path());
    }

    @AfterAll
    static void writeTheTable() throws IOException {
        List<String> lines = new ArrayList<>(List.of("# Endpoints and the role each needs (from the services' OpenAPI)",
                "", "| service | operation | role |", "|---|---|---|"));
        lines.addAll(TABLE);
        lines.add("");
        lines.add("401 answers checked: " + UNAUTHORIZED.get() + "; 403 answers checked: " + FORBIDDEN.get());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/auth-endpoints.md"), lines);
        System.out.println(String.join(System.lineSeparator(), lines));
    }
}
