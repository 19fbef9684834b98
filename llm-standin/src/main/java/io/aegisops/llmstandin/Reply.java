package io.aegisops.llmstandin;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the stand-in answers one chat request with, scripted by a test: the model's words or tool call (shaped
 * per API by the stand-in) or a failure the client must survive (an error status, a 429, a body that is not
 * JSON, an answer that comes too late). The factories are the vocabulary; the records are what they build.
 */
public sealed interface Reply {

    /** The model's message: rendered in the shape of the API that was called. */
    sealed interface Answer extends Reply {
    }

    /** An assistant message with text content, finish reason {@code stop}. */
    record Content(String text) implements Answer {
        public Content {
            Objects.requireNonNull(text, "content text");
        }
    }

    /** An assistant message calling one tool; {@code argumentsJson} must be a JSON object. */
    record ToolCall(String name, String argumentsJson) implements Answer {
        public ToolCall {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a tool call needs the tool's name");
            }
            try {
                Json.object(argumentsJson);
            } catch (IllegalArgumentException | NullPointerException e) {
                // Fail in the test that scripts it, not later in the client that parses it.
                throw new IllegalArgumentException("tool call arguments must be a JSON object, were: " + argumentsJson, e);
            }
            argumentsJson = argumentsJson.strip();
        }
    }

    /** Exactly this HTTP answer, whatever API was called; Content-Type is application/json unless a header says. */
    record Raw(int status, Map<String, String> headers, String body) implements Reply {
        public Raw {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be an HTTP status, was " + status);
            }
            headers = Map.copyOf(headers);
            body = body == null ? "" : body;
        }
    }

    /** {@code then}, after {@code delay}: for client timeouts. */
    record Delayed(Duration delay, Reply then) implements Reply {
        public Delayed {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("delay must be zero or more, was " + delay);
            }
            Objects.requireNonNull(then, "the reply after the delay");
        }
    }

    static Reply content(String text) {
        return new Content(text);
    }

    static Reply toolCall(String name, String argumentsJson) {
        return new ToolCall(name, argumentsJson);
    }

    static Reply status(int code, String body) {
        return new Raw(code, Map.of(), body);
    }

    /** 429 with Retry-After and the error body OpenAI sends when a rate limit is reached. */
    static Reply tooManyRequests(int retryAfterSeconds) {
        String message = "Rate limit reached for requests (llm-standin). Please try again in " + retryAfterSeconds + "s.";
        return new Raw(429, Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
                "{\"error\":{\"message\":" + Json.string(message)
                        + ",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}");
    }

    /** 200, Content-Type application/json, and exactly {@code rawBody}: for clients that must reject what they cannot parse. */
    static Reply malformed(String rawBody) {
        return new Raw(200, Map.of(), rawBody);
    }

    static Reply delayed(Duration delay, Reply then) {
        return new Delayed(delay, then);
    }
}
