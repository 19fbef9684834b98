package io.aegisops.slackstandin;

import java.time.Instant;

/**
 * One request as the stand-in received it: what a test inspects to prove what AegisOps sent to Slack.
 *
 * @param path          request path, e.g. {@code /api/chat.postMessage} or the incoming-webhook path
 * @param authorization the {@code Authorization} header, null when absent
 * @param body          the raw body
 * @param at            when it arrived
 */
public record Received(String path, String authorization, String body, Instant at) {

    public boolean isPost() {
        return path.endsWith("/chat.postMessage");
    }

    public boolean isUpdate() {
        return path.endsWith("/chat.update");
    }

    public boolean isWebhook() {
        return path.startsWith(SlackStandIn.WEBHOOK_PREFIX);
    }

    public boolean mentions(Object text) {
        return body.contains(String.valueOf(text));
    }
}
