package io.aegisops.approval.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aegisops.contract.EventCodec;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Slack, as far as approval-service can tell: a JDK HttpServer on a random port that answers the incoming
 * webhook, {@code chat.postMessage} and {@code chat.update} the way Slack documents, records every request,
 * and can be told to answer some requests with 429 + Retry-After or 500 instead. Started before Quarkus, which
 * gets its URLs and the test credentials as configuration.
 */
public class SlackStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "xoxb-stand-in-token-0123456789";
    public static final String SIGNING_SECRET = "stand-in-signing-secret-0123456789";
    public static final String CHANNEL_NAME = "#aegis-incidents";
    public static final String CHANNEL_ID = "C0AEGIS01";
    public static final String WEBHOOK_PATH = "/services/T0AEGIS/B0AEGIS/stand-in-webhook-secret";

    /** One request as received. {@code json} is null for bodies that are not JSON. */
    public record Received(String path, String authorization, String body, JsonNode json, Instant at) {
        public boolean isPost() {
            return path.endsWith("/chat.postMessage");
        }

        public boolean isUpdate() {
            return path.endsWith("/chat.update");
        }

        public boolean isWebhook() {
            return path.equals(WEBHOOK_PATH);
        }

        public boolean mentions(Object text) {
            return body.contains(String.valueOf(text));
        }
    }

    /** A scripted answer. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public static Reply status(int status) {
            return new Reply(status, Map.of(), "{\"ok\":false,\"error\":\"stand-in says " + status + "\"}");
        }

        public static Reply tooManyRequests(int retryAfterSeconds) {
            return new Reply(429, Map.of("Retry-After", Integer.toString(retryAfterSeconds)), "");
        }
    }

    private record Rule(Predicate<Received> when, AtomicInteger remaining, Reply reply) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong messages = new AtomicLong();
    private HttpServer server;
    private ExecutorService executor;
    private boolean webhookOnly;

    /** Init arg {@code mode=webhook}: configure only the incoming webhook (no bot token, no signing secret). */
    @Override
    public void init(Map<String, String> initArgs) {
        webhookOnly = "webhook".equals(initArgs.get("mode"));
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Slack stand-in cannot listen: " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        if (webhookOnly) {
            return Map.of("aegis.slack.webhook-url", base + WEBHOOK_PATH,
                    "aegis.slack.dashboard-url", "http://dashboard.test:8080");
        }
        return Map.of(
                "aegis.slack.api-url", base + "/api",
                "aegis.slack.webhook-url", base + WEBHOOK_PATH,
                "aegis.slack.bot-token", TOKEN,
                "aegis.slack.signing-secret", SIGNING_SECRET,
                "aegis.slack.channel", CHANNEL_NAME,
                "aegis.slack.dashboard-url", "http://dashboard.test:8080");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this,
                new TestInjector.AnnotatedAndMatchesType(InjectSlackStandIn.class, SlackStandIn.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** Answers the next {@code times} requests that match with {@code reply} instead of success. */
    public void answer(Predicate<Received> when, int times, Reply reply) {
        rules.add(new Rule(when, new AtomicInteger(times), reply));
    }

    /** Every request received so far that matches, in arrival order. */
    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode json;
        try {
            json = EventCodec.mapper().readTree(body);
        } catch (IOException e) {
            json = null;
        }
        Received request = new Received(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"), body, json, Instant.now());
        received.add(request);
        Reply reply = rules.stream().filter(rule -> rule.when().test(request))
                .filter(rule -> rule.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0)
                .map(Rule::reply).findFirst().orElseGet(() -> success(request));
        byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", request.isWebhook() ? "text/plain" : "application/json");
        exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    /** What Slack answers to a well-formed request, including its 200-with-ok-false for a bad token. */
    private Reply success(Received request) {
        if (request.isWebhook()) {
            return new Reply(200, Map.of(), "ok");
        }
        if (!("Bearer " + TOKEN).equals(request.authorization())) {
            return new Reply(200, Map.of(), "{\"ok\":false,\"error\":\"invalid_auth\"}");
        }
        if (request.isPost()) {
            String ts = "1700000000." + String.format("%06d", messages.incrementAndGet());
            return new Reply(200, Map.of(), "{\"ok\":true,\"channel\":\"" + CHANNEL_ID + "\",\"ts\":\"" + ts + "\"}");
        }
        if (request.isUpdate() && request.json() != null) {
            return new Reply(200, Map.of(), "{\"ok\":true,\"channel\":\"" + request.json().path("channel").asText()
                    + "\",\"ts\":\"" + request.json().path("ts").asText() + "\"}");
        }
        return new Reply(404, Map.of(), "{\"ok\":false,\"error\":\"unknown_method\"}");
    }
}
