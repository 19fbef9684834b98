package io.aegisops.dashboard.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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
 *   <li>every service {@code GET /q/health/ready} → 200</li>
 * </ul>
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    public static final String CONFLICT_ID = "00000000-0000-0000-0000-000000000409";
    public static final String UNKNOWN_ID = "00000000-0000-0000-0000-000000000404";

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
        if (path.endsWith("/q/health/ready")) {
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
                    + body + "}");
        } else if (path.equals("/approval/api/notifications")) {
            reply(exchange, 200, "[]");
        } else if (path.equals("/buggy/faults/memory") && "POST".equals(method)) {
            reply(exchange, 200, "{\"requestedMb\":10,\"retainedMb\":10,\"query\":\"" + exchange.getRequestURI().getQuery() + "\"}");
        } else if (path.equals("/buggy/faults/cpu") && "POST".equals(method)) {
            reply(exchange, 400, "{\"status\":400,\"error\":\"Bad Request\",\"message\":\"threads must be at most 64 in total\","
                    + "\"parameter\":\"threads\"}");
        } else if (path.equals("/buggy/faults/reset") || path.equals("/buggy/faults")) {
            reply(exchange, 200, "{\"memory\":{\"active\":false},\"cpu\":{\"active\":false},\"latency\":{\"active\":false}}");
        } else if (path.matches("/monitor/api/incidents/[^/]+/resolve")) {
            reply(exchange, 500, "{\"status\":500,\"error\":\"Internal Server Error\",\"message\":\"internal error, reference r-1 (see the service log)\"}");
        } else {
            reply(exchange, 404, "{\"status\":404,\"error\":\"Not Found\",\"message\":\"stand-in has no " + method + " " + path + "\"}");
        }
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
