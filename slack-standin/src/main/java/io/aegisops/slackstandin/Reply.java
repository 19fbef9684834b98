package io.aegisops.slackstandin;

import java.util.Map;

/** A scripted answer that replaces Slack's success, to test 429 with Retry-After, 5xx and other failures. */
public record Reply(int status, Map<String, String> headers, String body) {

    public Reply {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status, was " + status);
        }
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public static Reply status(int status) {
        return new Reply(status, Map.of(), "{\"ok\":false,\"error\":\"stand-in says " + status + "\"}");
    }

    public static Reply tooManyRequests(int retryAfterSeconds) {
        return new Reply(429, Map.of("Retry-After", Integer.toString(retryAfterSeconds)), "");
    }
}
