package io.aegisops.kit.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.CloudEvent;

/**
 * What a refused decision event claimed, read leniently for the record: nothing in it is trusted or required, a field
 * that is not a plain value is left out, and every value is made safe to store and show ({@link #shown}).
 */
public record ClaimedDecision(String incidentId, String requestId, String decision, String actor) {

    /** The longest claimed value kept. */
    public static final int MAX_TEXT = 200;

    public static ClaimedDecision of(CloudEvent event) {
        JsonNode data = event.data();
        return new ClaimedDecision(shown(text(data, "incidentId")), shown(text(data, "requestId")),
                shown(text(data, "decision")), shown(text(data, "actor")));
    }

    /** A value an untrusted event carried, fit for a log line or a timeline: control characters replaced, clipped. */
    public static String shown(String value) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) + "…" : clean;
    }

    private static String text(JsonNode data, String field) {
        if (data == null) {
            return null;
        }
        JsonNode value = data.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
