package io.aegisops.kit.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.CloudEvent;

/**
 * What a refused decision event claimed, read leniently for the record: nothing in it is trusted or required, and a
 * field that is not a plain value is left out.
 */
public record ClaimedDecision(String incidentId, String requestId, String decision, String actor) {

    public static ClaimedDecision of(CloudEvent event) {
        JsonNode data = event.data();
        return new ClaimedDecision(text(data, "incidentId"), text(data, "requestId"), text(data, "decision"),
                text(data, "actor"));
    }

    private static String text(JsonNode data, String field) {
        if (data == null) {
            return null;
        }
        JsonNode value = data.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
}
