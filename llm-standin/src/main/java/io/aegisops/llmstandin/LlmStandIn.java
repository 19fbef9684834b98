package io.aegisops.llmstandin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A chat model as far as diagnosis-service can tell: answers OpenAI's {@code /v1/chat/completions} and Ollama's
 * {@code /api/chat} (plus their model lists and Ollama's version) in the shapes those APIs return, with whatever
 * the test scripted: text, a tool call, an error status, a 429, a body that is not JSON, or a late answer. No LLM
 * API is reachable from the machines AegisOps is built on, so this is the HTTP boundary the LLM diagnoser is
 * tested against: in-process from a {@code @QuarkusTest}, or as a container ({@link Main}) scripted with
 * {@code POST /script} and read with {@code GET /received}.
 *
 * <p>Non-streaming only: a request with {@code "stream": true} is refused with 400. A chat request nothing was
 * scripted for answers 500, so a test that forgot to script fails where it forgot.
 */
public final class LlmStandIn implements AutoCloseable {

    static final String NO_SCRIPT = "llm-standin: no scripted answer for this request";
    /** The model a request that names none is answered as, and the one model lists always contain. */
    static final String DEFAULT_MODEL = "llm-standin";
    /** Delayed replies sleep on a handler thread, so enough threads that a slow answer does not stall the rest. */
    private static final int THREADS = 16;
    private static final OpenAiWire OPENAI = new OpenAiWire();
    private static final OllamaWire OLLAMA = new OllamaWire();

    private record Rule(Predicate<Received> when, AtomicInteger remaining, Reply reply) {
    }

    private final String apiKey;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> fallback;
    private final AtomicLong completions = new AtomicLong();
    private final HttpServer server;
    private final ExecutorService executor;

    private LlmStandIn(String host, int port, String apiKey) {
        this.apiKey = apiKey;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("LLM stand-in cannot listen on " + host + ":" + port
                    + " (is the port taken?): " + e.getMessage(), e);
        }
        executor = Executors.newFixedThreadPool(THREADS);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a stand-in.
     *
     * @param host   address to listen on ({@code 127.0.0.1} in tests, {@code 0.0.0.0} in a container)
     * @param port   port, 0 for any free one
     * @param apiKey the key OpenAI calls must carry as {@code Authorization: Bearer …} (else 401), null for none;
     *               Ollama has no authentication and is never checked
     */
    public static LlmStandIn start(String host, int port, String apiKey) {
        return new LlmStandIn(host, port, apiKey);
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}; OpenAI clients take it with {@code /v1} appended. */
    public String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /**
     * Answers the next {@code times} chat requests that match with {@code reply}. Rules are tried in the order they
     * were added; the first that matches and has answers left wins. {@link Integer#MAX_VALUE} means always.
     */
    public void answer(Predicate<Received> when, int times, Reply reply) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        rules.add(new Rule(Objects.requireNonNull(when), new AtomicInteger(times), Objects.requireNonNull(reply)));
    }

    /** How to answer a chat request no rule matches; without one, such a request answers 500. */
    public void setDefault(Function<Received, Reply> reply) {
        fallback = reply;
    }

    /** Every request to the model APIs so far (control routes excluded), in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Forgets what was received, the rules and the default: the stand-in is as it was started. */
    public void clear() {
        received.clear();
        rules.clear();
        fallback = null;
    }

    /** The {@code model} a request's JSON body names, null when it names none or is not JSON. */
    public static String model(Received request) {
        try {
            return Json.object(request.body()).get("model") instanceof String model ? model : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (path.equals("/received") || path.equals("/script")) {
                send(exchange, control(method, path, body));
                return;
            }
            Received request = new Received(path, method, exchange.getRequestHeaders().getFirst("Authorization"), body,
                    Instant.now());
            received.add(request);
            Reply.Raw reply;
            try {
                reply = respond(request);
            } catch (RuntimeException e) {
                // A test's predicate or default threw: say so, rather than drop the connection without a word.
                reply = new Reply.Raw(500, Map.of(), wire(request).error("llm-standin: the script threw " + e,
                        "server_error", null));
            }
            send(exchange, reply);
        } catch (IOException e) {
            // The client went away (typically it timed out during a delayed reply); there is no one to answer.
        }
    }

    private Reply.Raw respond(Received request) throws InterruptedIOException {
        Wire wire = wire(request);
        if (request.isOpenAi() && apiKey != null && !("Bearer " + apiKey).equals(request.authorization())) {
            return new Reply.Raw(401, Map.of(), OPENAI.error("Incorrect API key provided.", "invalid_request_error",
                    "invalid_api_key"));
        }
        if (request.isChat()) {
            return chat(request, wire);
        }
        String route = request.method() + " " + request.path();
        return switch (route) {
            case "GET /v1/models", "GET /models" -> new Reply.Raw(200, Map.of(), OPENAI.models(models()));
            case "GET /api/tags" -> new Reply.Raw(200, Map.of(), OLLAMA.models(models()));
            case "GET /api/version" -> new Reply.Raw(200, Map.of(), OLLAMA.version());
            default -> new Reply.Raw(404, Map.of(), wire.error("llm-standin: no route " + route,
                    "invalid_request_error", null));
        };
    }

    private Reply.Raw chat(Received request, Wire wire) throws InterruptedIOException {
        Map<String, Object> json;
        try {
            json = Json.object(request.body());
        } catch (IllegalArgumentException e) {
            return new Reply.Raw(400, Map.of(), wire.error("llm-standin: the body is " + e.getMessage(),
                    "invalid_request_error", null));
        }
        if (Boolean.TRUE.equals(json.get("stream"))) {
            return new Reply.Raw(400, Map.of(), wire.error("llm-standin answers non-streaming requests only:"
                    + " send \"stream\": false (or no stream field to OpenAI)", "invalid_request_error", null));
        }
        Reply reply = undelayed(scripted(request));
        if (reply instanceof Reply.Answer answer) {
            String model = json.get("model") instanceof String named ? named : DEFAULT_MODEL;
            return new Reply.Raw(200, Map.of(), wire.completion(model, answer, completions.incrementAndGet(),
                    Wire.tokens(request.body())));
        }
        return (Reply.Raw) reply;
    }

    private Reply scripted(Received request) {
        Reply scripted = rules.stream().filter(rule -> rule.when().test(request))
                .filter(rule -> rule.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0)
                .map(Rule::reply).findFirst().orElse(null);
        Function<Received, Reply> otherwise = fallback;
        if (scripted == null && otherwise != null) {
            scripted = otherwise.apply(request);
        }
        return scripted != null ? scripted
                : new Reply.Raw(500, Map.of(), wire(request).error(NO_SCRIPT, "server_error", null));
    }

    private Reply.Raw control(String method, String path, String body) {
        String route = method + " " + path;
        switch (route) {
            case "GET /received":
                return new Reply.Raw(200, Map.of(), receivedAsJson());
            case "DELETE /received":
                clear();
                return new Reply.Raw(204, Map.of(), "");
            case "POST /script":
                try {
                    Script.parse(body).forEach(rule -> answer(rule.when(), rule.times(), rule.reply()));
                    return new Reply.Raw(200, Map.of(), "{\"ok\":true}");
                } catch (IllegalArgumentException e) {
                    return new Reply.Raw(400, Map.of(), "{\"error\":" + Json.string(e.getMessage()
                            + "; expected " + Script.FORMAT) + "}");
                }
            default:
                return new Reply.Raw(405, Map.of(), "{\"error\":" + Json.string("llm-standin: no route " + route) + "}");
        }
    }

    /** The models a client may see: the default and every one a request has named. */
    private List<String> models() {
        return Stream.concat(Stream.of(DEFAULT_MODEL), received.stream().map(LlmStandIn::model))
                .filter(Objects::nonNull).distinct().toList();
    }

    private String receivedAsJson() {
        StringBuilder json = new StringBuilder("[");
        for (Received r : received) {
            if (json.length() > 1) {
                json.append(',');
            }
            boolean authorized = apiKey == null || ("Bearer " + apiKey).equals(r.authorization());
            json.append("{\"path\":").append(Json.string(r.path()))
                    .append(",\"method\":").append(Json.string(r.method()))
                    .append(",\"authorized\":").append(authorized)
                    .append(",\"body\":").append(Json.string(r.body()))
                    .append(",\"at\":").append(Json.string(r.at().toString())).append('}');
        }
        return json.append(']').toString();
    }

    private static Wire wire(Received request) {
        return request.isOllama() ? OLLAMA : OPENAI;
    }

    /** Sleeps through the delays {@code reply} is wrapped in (on this handler thread only) and returns what they wrap. */
    private static Reply undelayed(Reply reply) throws InterruptedIOException {
        while (reply instanceof Reply.Delayed delayed) {
            try {
                Thread.sleep(delayed.delay().toMillis());
            } catch (InterruptedException e) {
                // close() interrupts: there is no answer to give any more.
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stand-in closed during a delayed reply");
            }
            reply = delayed.then();
        }
        return reply;
    }

    private static void send(HttpExchange exchange, Reply.Raw raw) throws IOException {
        byte[] answer = raw.body().getBytes(StandardCharsets.UTF_8);
        raw.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(raw.status(), answer.length == 0 ? -1 : answer.length);
        if (answer.length > 0) {
            exchange.getResponseBody().write(answer);
        }
    }
}
