package io.aegisops.approval.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.EventCodec;
import io.aegisops.kit.rest.Violations;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The part of a Slack {@code block_actions} interaction AegisOps acts on: which button, on which approval, by
 * whom. Slack posts it form-encoded as one {@code payload} field holding JSON; anything else is a 400 naming
 * the problem.
 *
 * @param actionId {@link SlackMessages#APPROVE} or {@link SlackMessages#REJECT}
 * @param user     the Slack user's name, or their id when Slack sends no name
 */
public record InteractionPayload(String actionId, UUID approvalId, String user, String userId, String responseUrl) {

    static final int MAX_USER = 100;

    public static InteractionPayload parse(byte[] body) {
        Violations violations = new Violations();
        String payload;
        try {
            payload = formField(new String(body, StandardCharsets.UTF_8), "payload");
        } catch (IllegalArgumentException e) {
            violations.add("body", "is not form-encoded: " + e.getMessage()).throwIfAny();
            throw e;
        }
        if (!violations.required(payload, "payload")) {
            violations.throwIfAny();
        }
        JsonNode json;
        try {
            json = EventCodec.mapper().readTree(payload);
        } catch (JsonProcessingException e) {
            violations.add("payload", "is not JSON: " + e.getOriginalMessage()).throwIfAny();
            throw new IllegalStateException(e);
        }
        if (json == null || !json.isObject()) {
            violations.add("payload", "must be a JSON object").throwIfAny();
        }
        String type = json.path("type").asText("");
        violations.check("block_actions".equals(type), "payload.type",
                "'" + type + "' is not handled; only block_actions (button clicks) are");
        JsonNode action = json.path("actions").path(0);
        String actionId = action.path("action_id").asText("");
        violations.check(SlackMessages.APPROVE.equals(actionId) || SlackMessages.REJECT.equals(actionId),
                "payload.actions[0].action_id", "'" + actionId + "' is not one of " + SlackMessages.APPROVE + ", "
                        + SlackMessages.REJECT);
        String value = action.path("value").asText("");
        UUID approvalId = null;
        try {
            approvalId = UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            violations.add("payload.actions[0].value", "'" + clip(value) + "' is not an approval id (UUID)");
        }
        JsonNode user = json.path("user");
        String name = firstText(user, "username", "name", "id");
        if (violations.required(name, "payload.user")) {
            violations.maxLength(name, MAX_USER, "payload.user");
        }
        String userId = user.path("id").asText("").trim();
        violations.check(!userId.isEmpty() && userId.length() <= 32, "payload.user.id",
                "is required (the Slack user id decides whether the click counts)");
        violations.throwIfAny();
        String responseUrl = json.path("response_url").asText("").trim();
        return new InteractionPayload(actionId, approvalId, name, userId, responseUrl.isEmpty() ? null : responseUrl);
    }

    private static String formField(String form, String name) {
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = node.path(field).asText("");
            if (!value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static String clip(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
