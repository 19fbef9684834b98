package io.aegisops.slackstandin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aegisops.contract.JsonStrings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack, as far as approval-service can tell: answers the incoming webhook, {@code chat.postMessage} and
 * {@code chat.update} the way Slack documents them (including 200 with {@code ok:false} for a bad token),
 * records every request, and can be scripted to answer some requests with 429 + Retry-After or 5xx. Slack is
 * unreachable from the machines AegisOps is built on, so this is the HTTP boundary every Slack test runs
 * against: in-process from a {@code @QuarkusTest}, and as a container of the end-to-end stack, where tests
 * read what it received from {@code GET /received} and script failures with {@code POST /script}.
 */
public final class SlackStandIn implements AutoCloseable {

    /** Paths under this prefix are incoming webhooks (Slack's form: /services/T…/B…/secret). */
    public static final String WEBHOOK_PREFIX = "/services/";
    public static final String CHANNEL_ID = "C0AEGIS01";

    private static final Pattern CHANNEL = Pattern.compile("\"channel\"\\s*:\\s*\"([^\"\\\\]*)\"");
    private static final Pattern TS = Pattern.compile("\"ts\"\\s*:\\s*\"([^\"\\\\]*)\"");

    private record Rule(Predicate<Received> when, AtomicInteger remaining, Reply reply) {
    }

    private final String token;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong messages = new AtomicLong();
    private final HttpServer server;
    private final ExecutorService executor;

    private SlackStandIn(String host, int port, String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the stand-in needs the bot token it accepts");
        }
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Slack stand-in cannot listen on " + host + ":" + port
                    + " (is the port taken?): " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a stand-in.
     *
     * @param host  address to listen on ({@code 127.0.0.1} in tests, {@code 0.0.0.0} in a container)
     * @param port  port, 0 for any free one
     * @param token the bot token that chat.* calls must carry as {@code Authorization: Bearer …}
     */
    public static SlackStandIn start(String host, int port, String token) {
        return new SlackStandIn(host, port, token);
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}; the Web API is under {@code /api}. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** Answers the next {@code times} requests that match with {@code reply} instead of success. */
    public void answer(Predicate<Received> when, int times, Reply reply) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        rules.add(new Rule(when, new AtomicInteger(times), reply));
    }

    /** Every request received so far that matches, in arrival order. */
    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/received") && method.equals("GET")) {
                send(exchange, new Reply(200, Map.of(), receivedAsJson()), "application/json");
            } else if (path.equals("/received") && method.equals("DELETE")) {
                received.clear();
                rules.clear();
                send(exchange, new Reply(204, Map.of(), ""), "application/json");
            } else if (path.equals("/script") && method.equals("POST")) {
                send(exchange, script(exchange.getRequestURI().getRawQuery()), "application/json");
            } else if (method.equals("POST")) {
                slack(exchange, path);
            } else {
                send(exchange, new Reply(405, Map.of(), "{\"ok\":false,\"error\":\"method_not_allowed\"}"),
                        "application/json");
            }
        }
    }

    private void slack(HttpExchange exchange, String path) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Received request = new Received(path, exchange.getRequestHeaders().getFirst("Authorization"), body,
                Instant.now());
        received.add(request);
        Reply reply = rules.stream().filter(rule -> rule.when().test(request))
                .filter(rule -> rule.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0)
                .map(Rule::reply).findFirst().orElseGet(() -> success(request));
        send(exchange, reply, request.isWebhook() ? "text/plain" : "application/json");
    }

    /** What Slack answers to a well-formed request. */
    private Reply success(Received request) {
        if (request.isWebhook()) {
            return new Reply(200, Map.of(), "ok");
        }
        if (!("Bearer " + token).equals(request.authorization())) {
            return new Reply(200, Map.of(), "{\"ok\":false,\"error\":\"invalid_auth\"}");
        }
        if (request.isPost()) {
            String ts = "1700000000." + String.format("%06d", messages.incrementAndGet());
            return new Reply(200, Map.of(), "{\"ok\":true,\"channel\":\"" + CHANNEL_ID + "\",\"ts\":\"" + ts + "\"}");
        }
        if (request.isUpdate()) {
            Optional<String> channel = field(CHANNEL, request.body());
            Optional<String> ts = field(TS, request.body());
            if (channel.isEmpty() || ts.isEmpty()) {
                return new Reply(200, Map.of(), "{\"ok\":false,\"error\":\"invalid_arguments\"}");
            }
            return new Reply(200, Map.of(),
                    "{\"ok\":true,\"channel\":\"" + channel.get() + "\",\"ts\":\"" + ts.get() + "\"}");
        }
        return new Reply(404, Map.of(), "{\"ok\":false,\"error\":\"unknown_method\"}");
    }

    /** {@code POST /script?path=/api/chat.postMessage&status=429&times=2&retryAfter=1}. */
    private Reply script(String query) {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        try {
            String path = params.getOrDefault("path", "");
            int status = Integer.parseInt(params.getOrDefault("status", ""));
            int times = Integer.parseInt(params.getOrDefault("times", "1"));
            Reply reply = params.containsKey("retryAfter")
                    ? new Reply(status, Map.of("Retry-After", params.get("retryAfter")), "")
                    : Reply.status(status);
            answer(r -> path.isEmpty() || r.path().equals(path), times, reply);
            return new Reply(200, Map.of(), "{\"ok\":true}");
        } catch (IllegalArgumentException e) {
            return new Reply(400, Map.of(), "{\"ok\":false,\"error\":" + JsonStrings.literal(
                    "expected path, status (100-599), times (>= 1) and optional retryAfter: " + e.getMessage()) + "}");
        }
    }

    private String receivedAsJson() {
        StringBuilder json = new StringBuilder("[");
        for (Received r : received) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"path\":").append(JsonStrings.literal(r.path()))
                    .append(",\"authorized\":").append(("Bearer " + token).equals(r.authorization()))
                    .append(",\"body\":").append(JsonStrings.literal(r.body()))
                    .append(",\"at\":").append(JsonStrings.literal(r.at().toString())).append('}');
        }
        return json.append(']').toString();
    }

    private static Optional<String> field(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static void send(HttpExchange exchange, Reply reply, String contentType) throws IOException {
        byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
    }
}
