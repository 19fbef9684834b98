package io.aegisops.dashboard.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.aegisops.contract.EventCodec;
import io.aegisops.dashboard.config.DashboardConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The one way the dashboard calls other services. A plain JDK client rather than typed REST clients: the
 * dashboard mostly passes JSON through, and what matters is that every failure becomes a
 * {@link DownstreamException} naming the service, its status and its own message. Every call names its
 * {@link Caller}, whose token goes out as {@code Authorization: Bearer}, so the other service decides what that
 * person may do, and records them as the actor.
 */
@ApplicationScoped
public class DownstreamClient {

    private static final int MAX_TEXT = 500;
    private static final Set<Integer> OK = Set.of();

    private final DashboardConfig config;
    private final HttpClient http;

    public DownstreamClient(DashboardConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** GET and return the JSON body. */
    public JsonNode get(Caller caller, Downstream service, String pathAndQuery) {
        return send(service, request(caller, service, pathAndQuery).GET().build(), OK).body();
    }

    /** POST a JSON body (null: none) and return the answer. */
    public DownstreamReply post(Caller caller, Downstream service, String pathAndQuery, Object body) {
        return post(caller, service, pathAndQuery, body, OK);
    }

    /** DELETE and return the answer. */
    public DownstreamReply delete(Caller caller, Downstream service, String pathAndQuery) {
        return send(service, request(caller, service, pathAndQuery).DELETE().build(), OK);
    }

    /**
     * POST, accepting some non-2xx statuses as answers rather than errors (buggy-app answers 507 when the
     * leak filled the heap: the fault is in place, which is what the user asked for).
     */
    public DownstreamReply post(Caller caller, Downstream service, String pathAndQuery, Object body,
                                Set<Integer> alsoAccepted) {
        return post(caller, service, pathAndQuery, body, alsoAccepted, config.requestTimeout());
    }

    /** As {@link #post(Caller, Downstream, String, Object, Set)}, for a call that may take longer than usual. */
    public DownstreamReply post(Caller caller, Downstream service, String pathAndQuery, Object body,
                                Set<Integer> alsoAccepted, Duration timeout) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8);
        HttpRequest request = request(caller, service, pathAndQuery)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(publisher)
                .build();
        return send(service, request, alsoAccepted);
    }

    /** GET without blocking the caller: for the watcher, which asks every service at once. */
    public CompletableFuture<JsonNode> getAsync(Caller caller, Downstream service, String pathAndQuery,
                                                Duration timeout) {
        HttpRequest request = request(caller, service, pathAndQuery).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw unreachable(service, request.uri(), unwrap(failure));
                    }
                    return interpret(service, request, response, OK).body();
                });
    }

    private HttpRequest.Builder request(Caller caller, Downstream service, String pathAndQuery) {
        URI uri = resolve(service.baseUrl(config), pathAndQuery);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header("Accept", "application/json");
        if (caller.token() != null && service.takesTokens()) {
            builder.header("Authorization", "Bearer " + caller.token());
        }
        return builder;
    }

    static URI resolve(URI base, String pathAndQuery) {
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + (pathAndQuery.startsWith("/") ? "" : "/") + pathAndQuery);
    }

    private DownstreamReply send(Downstream service, HttpRequest request, Set<Integer> alsoAccepted) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(service, request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownstreamException(service, 0, "interrupted while calling " + service.serviceName(), null);
        }
        return interpret(service, request, response, alsoAccepted);
    }

    private static DownstreamReply interpret(Downstream service, HttpRequest request, HttpResponse<String> response,
                                             Set<Integer> alsoAccepted) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if ((status >= 200 && status < 300) || alsoAccepted.contains(status)) {
            return new DownstreamReply(status, body == null ? NullNode.getInstance() : body);
        }
        String message = service.serviceName() + " answered " + status + " to " + request.method() + " "
                + request.uri().getRawPath() + ": " + messageOf(body, response.body(), status);
        throw new DownstreamException(service, status, message, body);
    }

    /** The other service's own words: ApiError and buggy-app's ErrorResponse both carry {@code message}. */
    public static String messageOf(JsonNode body, String raw, int status) {
        if (body != null && body.isObject() && body.path("checks").isArray()) {
            return healthProblems(body);
        }
        if (body != null && body.isObject()) {
            for (String field : new String[]{"message", "error", "title", "details"}) {
                JsonNode value = body.get(field);
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    return value.asText();
                }
            }
        }
        if (raw != null && !raw.isBlank()) {
            String text = raw.strip();
            return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
        }
        return "no message (HTTP " + status + ")";
    }

    /** A SmallRye Health answer in one line: the checks that are not UP, with their data. */
    static String healthProblems(JsonNode health) {
        StringBuilder text = new StringBuilder("not ready");
        String separator = ": ";
        for (JsonNode check : health.path("checks")) {
            if (!"UP".equals(check.path("status").asText())) {
                text.append(separator).append(check.path("name").asText("a check"));
                if (check.path("data").isObject() && !check.path("data").isEmpty()) {
                    text.append(' ').append(check.path("data"));
                }
                separator = "; ";
            }
        }
        String result = text.toString();
        return result.length() > MAX_TEXT ? result.substring(0, MAX_TEXT) + "…" : result;
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return EventCodec.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static DownstreamException unreachable(Downstream service, URI uri, Throwable cause) {
        String why;
        if (cause instanceof HttpTimeoutException) {
            why = "did not answer in time";
        } else if (cause instanceof ConnectException) {
            why = "refused the connection" + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
        } else {
            why = "could not be reached: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        }
        return new DownstreamException(service, 0, service.serviceName() + " at " + uri.getScheme() + "://"
                + uri.getAuthority() + " " + why, null);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String json(Object body) {
        try {
            return EventCodec.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body is not serialisable: " + e.getOriginalMessage(), e);
        }
    }
}
