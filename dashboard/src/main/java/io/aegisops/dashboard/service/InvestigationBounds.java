package io.aegisops.dashboard.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Bounds an investigation's data before the read model stores it. Facts carry raw log lines written by the failing
 * application itself, and every refold reads every stored event: without a limit one chatty container would grow
 * {@code incident_event}, each card and each refold without end. The clipping is deterministic, so an event
 * delivered twice is still the same stored event.
 */
public final class InvestigationBounds {

    /** Facts, claims, tool calls and any other list: the first ones are kept (gathering order). */
    static final int MAX_ITEMS = 100;
    /** Elements of one fact's array value (log lines, oldest first): the newest are kept. */
    static final int MAX_LINES = 50;
    /** Any text, e.g. one log line or a summary. */
    static final int MAX_TEXT = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private InvestigationBounds() {
    }

    /** A bounded copy of an {@code Investigation} as JSON; the argument is not changed. */
    public static JsonNode bounded(JsonNode data) {
        JsonNode copy = data.deepCopy();
        for (JsonNode fact : copy.path("facts")) {
            JsonNode value = fact.path("value");
            if (fact.isObject() && value.isArray() && value.size() > MAX_LINES) {
                ((ObjectNode) fact).set("value", newest(value));
            }
        }
        return clip(copy);
    }

    private static ArrayNode newest(JsonNode lines) {
        int dropped = lines.size() - MAX_LINES + 1;
        ArrayNode kept = NODES.arrayNode().add("… " + dropped + " earlier lines not kept by the dashboard");
        for (int i = dropped; i < lines.size(); i++) {
            kept.add(lines.get(i));
        }
        return kept;
    }

    private static JsonNode clip(JsonNode node) {
        if (node.isTextual() && node.textValue().length() > MAX_TEXT) {
            String text = node.textValue();
            int end = MAX_TEXT - 1;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            return TextNode.valueOf(text.substring(0, end) + "…");
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < Math.min(node.size(), MAX_ITEMS); i++) {
                out.add(clip(node.get(i)));
            }
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            node.properties().forEach(field -> out.set(field.getKey(), clip(field.getValue())));
            return out;
        }
        return node;
    }
}
