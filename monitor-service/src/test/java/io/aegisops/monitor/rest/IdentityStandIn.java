package io.aegisops.monitor.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aegisops.kit.auth.Roles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for the identity owner's {@code GET /api/auth/me}, so a test drives the real chain (bearer
 * mechanism, identity provider, token cache, {@code RemoteTokenVerifier}, role ladder) with real tokens: one per role,
 * one dashboard session, {@link #DOWN} whose connection is dropped unanswered (the owner cannot be reached) and any
 * other token unknown (401). Points {@code aegis.auth.identity-url} at itself.
 */
public class IdentityStandIn implements QuarkusTestResourceLifecycleManager {

    /** A token whose check cannot be answered: the connection is closed before any response. */
    public static final String DOWN = "aeg_identity-owner-down";
    /** A dashboard login of the operator {@code olga}. */
    public static final String OPERATOR_SESSION = "aeg_session-olga";

    private static final Map<String, String> CALLERS = Map.of(
            tokenOf(Roles.VIEWER), me("vera", Roles.VIEWER, "api-token"),
            tokenOf(Roles.OPERATOR), me("otto", Roles.OPERATOR, "api-token"),
            tokenOf(Roles.REPORTER), me("intake", Roles.REPORTER, "api-token"),
            OPERATOR_SESSION, me("olga", Roles.OPERATOR, "session"));

    private HttpServer server;

    /** The API token of a principal holding {@code role}. */
    public static String tokenOf(String role) {
        return "aeg_test-" + role;
    }

    private static String me(String name, String role, String via) {
        return "{\"name\":\"%s\",\"role\":\"%s\",\"via\":\"%s\"}".formatted(name, role, via);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "identity-stand-in");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/api/auth/me", this::me);
        server.start();
        return Map.of("aegis.auth.identity-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void me(HttpExchange exchange) throws IOException {
        try (exchange) {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            String token = header != null && header.startsWith("Bearer ") ? header.substring(7) : "";
            if (DOWN.equals(token)) {
                return;
            }
            String caller = CALLERS.get(token);
            byte[] body = (caller != null ? caller : "{\"status\":401}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(caller != null ? 200 : 401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
