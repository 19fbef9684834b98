package io.aegisops.buggy.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AppAlert;
import io.aegisops.contract.EventCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A tiny stand-in for monitor-service's {@code POST /api/alerts}: records every request and answers with a fixed
 * status, so tests can see exactly what the app sends and how it copes with a monitor that fails.
 */
public final class MonitorStandIn implements AutoCloseable {

    /** One request as received. */
    public record Received(String method, String path, String contentType, String authorization, String body) {

        public AppAlert alert() {
            try {
                return EventCodec.mapper().readValue(body, AppAlert.class);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not an AppAlert: " + body, e);
            }
        }

        public JsonNode json() {
            try {
                return EventCodec.mapper().readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpServer server;
    private final int status;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private MonitorStandIn(int status) {
        this.status = status;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    /** Starts a stand-in on a free loopback port that answers every request with {@code status}. */
    public static MonitorStandIn answering(int status) {
        return new MonitorStandIn(status);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<AppAlert> alertsOfType(AlertType type) {
        return received.stream().map(Received::alert).filter(a -> a.type() == type).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }
}
