package io.aegisops.dashboard.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aegisops.contract.EventCodec;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The other services as the dashboard's tests need them: one JDK HTTP server answering under a path prefix per
 * service, and remediation-service pointed at a closed port (nothing listens: "unreachable"). The answers depend
 * only on the request, never on state shared with the test, because Quarkus may load this class in another
 * class loader than the test's.
 *
 * <ul>
 *   <li>approval {@code POST /api/approvals/{CONFLICT_ID}/decision} → 409 with the winning decision;
 *       {@code {UNKNOWN_ID}} → 404; any other id → 200 echoing the decision</li>
 *   <li>buggy {@code POST /faults/memory} → 200; {@code /faults/cpu} → 400 with buggy-app's error shape;
 *       {@code /faults/reset} → 200; {@code GET /faults} → 200</li>
 *   <li>monitor {@code POST /api/incidents/{id}/resolve} → 500 with an ApiError</li>
 *   <li>monitor {@code POST /api/investigations} → 201 with a report echoing the target and question, for target
 *       {@value #STRANGER} → 404 with monitor's "not monitored" ApiError; {@code GET /api/investigations} → 200 with
 *       that report, echoing the query as its question; {@code GET /api/investigations/{REPORT_ID}} → 200,
 *       {@code {UNKNOWN_ID}} → 404</li>
 *   <li>every service {@code GET /q/health/ready} → 200</li>
 *   <li>approval, the identity owner: {@code GET /api/auth/me} knows every token shaped
 *       {@code <via>.<role>.<name>} (see {@link #token}) and answers 401 to anything else;
 *       {@code POST /api/auth/sessions} with password {@value #PASSWORD} → 201 with a session token for an approver
 *       of that name, else 401 with approval's message {@value #WRONG_LOGIN};
 *       {@code DELETE /api/auth/sessions/current} → 204 when the bearer is a session token, else 400</li>
 *   <li>the approval decision echo, buggy's memory fault and {@code GET /api/notifications} say which {@code Authorization} header came
 *       ({@code "authorization"}, "none" when none), so a test sees whose token a call carried</li>
 * </ul>
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    public static final String CONFLICT_ID = "00000000-0000-0000-0000-000000000409";
    public static final String UNKNOWN_ID = "00000000-0000-0000-0000-000000000404";
    public static final String REPORT_ID = "00000000-0000-0000-0000-000000000201";
    /** A target monitor-service does not watch. */
    public static final String STRANGER = "stranger";
    /** The one password the stand-in identity owner accepts. */
    public static final String PASSWORD = "right-password";
    /** approval-service's words for a failed login. */
    public static final String WRONG_LOGIN = "unknown user or wrong password";
    /** The dashboard's own token in these tests (aegis.dashboard.service-token). */
    public static final String SERVICE_TOKEN = token("api-token", "viewer", "dashboard");

    /** A token the stand-in identity owner knows: it names how it was issued, its role and its principal. */
    public static String token(String via, String role, String name) {
        return via + "." + role + "." + name;
    }

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", StandInServices::answer);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "aegis.auth.identity-url", base + "/approval",
                "aegis.dashboard.service-token", SERVICE_TOKEN,
                "aegis.dashboard.monitor-url", base + "/monitor",
                "aegis.dashboard.diagnosis-url", base + "/diagnosis",
                "aegis.dashboard.approval-url", base + "/approval",
                "aegis.dashboard.buggy-url", base + "/buggy",
                "aegis.dashboard.remediation-url", "http://127.0.0.1:" + closedPort(),
                "aegis.dashboard.request-timeout", "3s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String seen = authorization == null ? "none" : authorization;
        if (path.startsWith("/approval/api/auth/")) {
            identityOwner(exchange, method, path, body, authorization);
        } else if (path.endsWith("/q/health/ready")) {
            reply(exchange, 200, "{\"status\":\"UP\",\"checks\":[]}");
        } else if (path.startsWith("/approval/api/approvals/" + CONFLICT_ID + "/decision")) {
            reply(exchange, 409, """
                    {"status":409,"error":"Conflict","message":"approval %s is already APPROVED: APPROVE by bob at 2026-01-01T10:00:00Z",
                     "approvalStatus":"APPROVED","winningDecision":{"decision":"APPROVE","actor":"bob"}}""".formatted(CONFLICT_ID));
        } else if (path.startsWith("/approval/api/approvals/" + UNKNOWN_ID)) {
            reply(exchange, 404, "{\"status\":404,\"error\":\"Not Found\",\"message\":\"approval " + UNKNOWN_ID
                    + " does not exist\"}");
        } else if (path.matches("/approval/api/approvals/[^/]+/decision") && "POST".equals(method)) {
            reply(exchange, 200, "{\"id\":\"echo\",\"target\":\"checkout\",\"proposedAction\":\"RESTART\",\"decision\":"
                    + body + ",\"authorization\":" + EventCodec.mapper().writeValueAsString(seen) + "}");
        } else if (path.equals("/approval/api/notifications")) {
            reply(exchange, 200, "[{\"id\":\"n-1\",\"stage\":\"APPROVAL_REQUESTED\",\"authorization\":"
                    + EventCodec.mapper().writeValueAsString(seen) + "}]");
        } else if (path.equals("/buggy/faults/memory") && "POST".equals(method)) {
            reply(exchange, 200, "{\"requestedMb\":10,\"retainedMb\":10,\"query\":\"" + exchange.getRequestURI().getQuery()
                    + "\",\"authorization\":" + EventCodec.mapper().writeValueAsString(seen) + "}");
        } else if (path.equals("/buggy/faults/cpu") && "POST".equals(method)) {
            reply(exchange, 400, "{\"status\":400,\"error\":\"Bad Request\",\"message\":\"threads must be at most 64 in total\","
                    + "\"parameter\":\"threads\"}");
        } else if (path.equals("/buggy/faults/reset") || path.equals("/buggy/faults")) {
            reply(exchange, 200, "{\"memory\":{\"active\":false},\"cpu\":{\"active\":false},\"latency\":{\"active\":false}}");
        } else if (path.equals("/monitor/api/investigations") && "POST".equals(method)) {
            investigation(exchange, body);
        } else if (path.equals("/monitor/api/investigations")) {
            reply(exchange, 200, "[" + report("checkout", exchange.getRequestURI().getQuery()) + "]");
        } else if (path.equals("/monitor/api/investigations/" + REPORT_ID)) {
            reply(exchange, 200, report("checkout", "why is checkout slow?"));
        } else if (path.equals("/monitor/api/investigations/" + UNKNOWN_ID)) {
            reply(exchange, 404, "{\"status\":404,\"error\":\"Not Found\",\"message\":\"on-demand investigation "
                    + UNKNOWN_ID + " does not exist\"}");
        } else if (path.matches("/monitor/api/incidents/[^/]+/resolve")) {
            reply(exchange, 500, "{\"status\":500,\"error\":\"Internal Server Error\",\"message\":\"internal error, reference r-1 (see the service log)\"}");
        } else {
            reply(exchange, 404, "{\"status\":404,\"error\":\"Not Found\",\"message\":\"stand-in has no " + method + " " + path + "\"}");
        }
    }

    /** approval-service as the identity owner, stateless: a token says who it is. */
    private static void identityOwner(HttpExchange exchange, String method, String path, String body,
                                      String authorization) throws IOException {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        String[] parts = token.split("\\.", 3);
        boolean known = parts.length == 3 && Set.of("viewer", "operator", "approver", "admin", "reporter")
                .contains(parts[1]) && !parts[2].isBlank();
        if (path.equals("/approval/api/auth/me") && "GET".equals(method)) {
            if (!known) {
                reply(exchange, 401, "{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"unknown token\"}");
                return;
            }
            ObjectNode me = EventCodec.mapper().createObjectNode();
            me.put("name", parts[2]).put("role", parts[1]).put("via", parts[0]);
            reply(exchange, 200, me.toString());
        } else if (path.equals("/approval/api/auth/sessions") && "POST".equals(method)) {
            JsonNode login = EventCodec.mapper().readTree(body);
            String username = login.path("username").asText("");
            if (username.isBlank() || !PASSWORD.equals(login.path("password").asText())) {
                reply(exchange, 401, "{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"" + WRONG_LOGIN + "\"}");
                return;
            }
            ObjectNode session = EventCodec.mapper().createObjectNode();
            session.put("token", token("session", "approver", username)).put("name", username).put("role", "approver")
                    .put("expiresAt", OffsetDateTime.now(ZoneOffset.UTC).plusHours(8).toString());
            reply(exchange, 201, session.toString());
        } else if (path.equals("/approval/api/auth/sessions/oidc") && "POST".equals(method)) {
            oidcSession(exchange, EventCodec.mapper().readTree(body));
        } else if (path.equals("/approval/api/auth/sessions/current") && "DELETE".equals(method)) {
            if (!known || !"session".equals(parts[0])) {
                reply(exchange, 400, "{\"status\":400,\"error\":\"Bad Request\",\"message\":\"not a session token\"}");
                return;
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else {
            reply(exchange, 404, "{\"status\":404,\"error\":\"Not Found\",\"message\":\"stand-in has no " + method
                    + " " + path + "\"}");
        }
    }

    /**
     * approval-service trading an ID token for a session, as far as the dashboard can tell: the token's nonce must be
     * the one sent beside it (the signature is approval-service's to check, tested there); an sre is an approver.
     */
    private static void oidcSession(HttpExchange exchange, JsonNode login) throws IOException {
        String[] jwt = login.path("idToken").asText("").split("\\.");
        JsonNode claims = jwt.length == 3 ? EventCodec.mapper().readTree(Base64.getUrlDecoder().decode(jwt[1])) : null;
        if (claims == null || !claims.path("nonce").asText("-").equals(login.path("nonce").asText())) {
            reply(exchange, 401, "{\"status\":401,\"error\":\"Unauthorized\",\"message\":\"the provider's ID token was"
                    + " refused: for another sign-in (nonce)\"}");
            return;
        }
        String name = claims.path("preferred_username").asText();
        String role = claims.path("realm_access").path("roles").toString().contains("\"sre\"") ? "approver" : "viewer";
        ObjectNode session = EventCodec.mapper().createObjectNode();
        session.put("token", token("session", role, name)).put("name", name).put("role", role)
                .put("expiresAt", OffsetDateTime.now(ZoneOffset.UTC).plusHours(8).toString());
        reply(exchange, 201, session.toString());
    }

    /** monitor-service's answer to a question: 201 with a report, or 404 for a target it does not watch. */
    private static void investigation(HttpExchange exchange, String body) throws IOException {
        JsonNode question = EventCodec.mapper().readTree(body);
        String target = question.path("target").asText();
        if (STRANGER.equals(target)) {
            reply(exchange, 404, "{\"status\":404,\"error\":\"Not Found\",\"message\":\"target 'stranger' is not "
                    + "monitored: no container named stranger or of service stranger carries the label "
                    + "aegis.enable=true, which opts a container in\"}");
            return;
        }
        exchange.getResponseHeaders().add("Location", "/api/investigations/" + REPORT_ID);
        reply(exchange, 201, report(target, question.path("question").asText()));
    }

    /** A report as monitor-service writes one; the question is echoed, and says what the dashboard sent. */
    private static String report(String target, String question) {
        ObjectNode report = EventCodec.mapper().createObjectNode();
        report.put("id", REPORT_ID).put("target", target).put("container", target + "-1").put("question", question);
        report.putArray("toolCalls").addObject().put("tool", "inspect").put("argument", target + "-1")
                .put("millis", 7).put("outcome", "ok");
        report.putArray("facts").addObject().put("id", "F1").put("name", "state").put("source", "engine.inspect")
                .put("summary", "State: running").put("value", "running");
        ObjectNode conclusion = report.putObject("conclusion");
        conclusion.put("summary", target + " looks healthy — state running (F1).");
        conclusion.putArray("findings").addObject().put("kind", "LATENCY").put("asked", true).put("observed", false)
                .put("reason", "the container is running").putArray("factIds").add("F1");
        report.putArray("citations").addObject().put("kind", "FACT").put("ref", "F1").put("title", "state")
                .put("detail", "State: running");
        return report.toString();
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A port nothing listens on: bound and released, so a connection is refused at once. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
