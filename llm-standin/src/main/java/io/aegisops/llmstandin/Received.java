package io.aegisops.llmstandin;

import java.time.Instant;

/**
 * One request as the stand-in received it: what a test inspects to prove what diagnosis-service asked the model
 * (the prompt, the tools offered, the model named, the key sent).
 *
 * @param path          request path, e.g. {@code /v1/chat/completions} or {@code /api/chat}
 * @param method        HTTP method
 * @param authorization the {@code Authorization} header, null when absent
 * @param body          the raw body, empty for a GET
 * @param at            when it arrived
 */
public record Received(String path, String method, String authorization, String body, Instant at) {

    /** A call of the OpenAI API (with or without the {@code /v1} prefix of its base URL). */
    public boolean isOpenAi() {
        return path.startsWith("/v1/") || path.equals("/chat/completions") || path.equals("/models");
    }

    public boolean isOllama() {
        return path.startsWith("/api/");
    }

    /** A chat completion of either API: the only requests scripted answers apply to. */
    public boolean isChat() {
        return method.equals("POST")
                && (path.equals("/v1/chat/completions") || path.equals("/chat/completions") || path.equals("/api/chat"));
    }

    /**
     * Whether the body contains {@code text}, as written or as a JSON string escapes it, so a test can look for a
     * log line with quotes or newlines in a prompt without escaping it by hand.
     */
    public boolean mentions(String text) {
        String escaped = Json.string(text);
        return body.contains(text) || body.contains(escaped.substring(1, escaped.length() - 1));
    }
}
