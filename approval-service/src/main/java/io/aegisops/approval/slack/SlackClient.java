package io.aegisops.approval.slack;

import org.jboss.logging.Logger;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aegisops.contract.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

/**
 * The three Slack calls AegisOps makes, as documented JSON over the JDK's HttpClient: incoming webhook,
 * {@code chat.postMessage} and {@code chat.update}. Every answer is classified into delivered, retry or
 * failed; nothing here throws, logs or mentions the token or the webhook URL.
 */
@ApplicationScoped
public class SlackClient {

    private static final Logger LOG = Logger.getLogger(SlackClient.class);

    /** Slack Web API errors that are about Slack, not about the request, so another attempt may succeed. */
    private static final Set<String> TRANSIENT_API_ERRORS = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "team_added_to_org");
    private static final int MAX_ERROR_BODY = 200;

    private final SlackConfig config;
    private final Redactor redactor;
    private final HttpClient http;
    private final ObjectMapper json = EventCodec.mapper();

    public SlackClient(SlackConfig config, Redactor redactor) {
        this.config = config;
        this.redactor = redactor;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.delivery().requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Posts to the incoming webhook; Slack answers {@code ok} as plain text. */
    public DeliveryResult webhook(String text, String blocks) {
        ObjectNode body = json.createObjectNode().put("text", text);
        body.set("blocks", readBlocks(blocks));
        return call(URI.create(config.webhookUrl().orElseThrow().trim()), body, false);
    }

    /**
     * @param threadTs  reply in this thread, or null for a new top-level message
     * @param broadcast also show the thread reply in the channel
     */
    public DeliveryResult postMessage(String channel, String text, String blocks, String threadTs, boolean broadcast) {
        ObjectNode body = json.createObjectNode().put("channel", channel).put("text", text)
                .put("unfurl_links", false);
        body.set("blocks", readBlocks(blocks));
        if (threadTs != null) {
            body.put("thread_ts", threadTs);
            if (broadcast) {
                body.put("reply_broadcast", true);
            }
        }
        return call(api("chat.postMessage"), body, true);
    }

    public DeliveryResult update(String channel, String ts, String text, String blocks) {
        ObjectNode body = json.createObjectNode().put("channel", channel).put("ts", ts).put("text", text);
        body.set("blocks", readBlocks(blocks));
        return call(api("chat.update"), body, true);
    }

    /**
     * Tells only the person who clicked (an ephemeral reply through the click's {@code response_url}), without
     * waiting: Slack wants the click answered within 3 seconds, and the reply is a courtesy.
     */
    public void replyOnlyTo(String responseUrl, String text) {
        if (responseUrl == null || !responseUrl.startsWith(config.responseUrlPrefix())) {
            LOG.debugf("No ephemeral reply: the click's response_url is not under %s", config.responseUrlPrefix());
            return;
        }
        ObjectNode body = json.createObjectNode().put("response_type", "ephemeral").put("replace_original", false)
                .put("text", text);
        HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl))
                .timeout(config.delivery().requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() >= 300) {
                LOG.warnf("The ephemeral Slack reply was not delivered: %s", failure != null
                        ? failure.getClass().getSimpleName() : "HTTP " + response.statusCode());
            }
        });
    }

    private URI api(String method) {
        String base = config.apiUrl().trim();
        return URI.create((base.endsWith("/") ? base : base + "/") + method);
    }

    private DeliveryResult call(URI uri, ObjectNode body, boolean webApi) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(config.delivery().requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (webApi) {
            request.header("Authorization", "Bearer " + config.botToken().orElseThrow().trim());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return DeliveryResult.retry("no answer within " + config.delivery().requestTimeout().toMillis() + " ms",
                    null);
        } catch (IOException e) {
            return DeliveryResult.retry("network error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + redactor.scrub(e.getMessage())), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.retry("interrupted", null);
        }
        return classify(response, webApi);
    }

    private DeliveryResult classify(HttpResponse<String> response, boolean webApi) {
        int status = response.statusCode();
        if (status == 429) {
            return DeliveryResult.retry("HTTP 429 rate limited", RetryPolicy.parseRetryAfter(
                    response.headers().firstValue("Retry-After").orElse(null), Instant.now()).orElse(null));
        }
        if (status >= 500) {
            return DeliveryResult.retry("HTTP " + status + describe(response.body()), null);
        }
        if (status >= 300) {
            return DeliveryResult.failed("HTTP " + status + describe(response.body()));
        }
        if (!webApi) {
            return DeliveryResult.delivered(null, null);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            return DeliveryResult.retry("HTTP " + status + " with an answer that is not JSON" + describe(response.body()),
                    null);
        }
        if (answer != null && answer.path("ok").asBoolean(false)) {
            return DeliveryResult.delivered(answer.path("channel").asText(null), answer.path("ts").asText(null));
        }
        String error = answer == null ? "empty answer" : answer.path("error").asText("no error code");
        return TRANSIENT_API_ERRORS.contains(error) ? DeliveryResult.retry("Slack error " + error, null)
                : DeliveryResult.failed("Slack error " + error);
    }

    private String describe(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String clean = redactor.scrub(body.strip());
        return ": " + (clean.length() > MAX_ERROR_BODY ? clean.substring(0, MAX_ERROR_BODY) + "…" : clean);
    }

    private JsonNode readBlocks(String blocks) {
        try {
            return json.readTree(blocks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored blocks are not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
