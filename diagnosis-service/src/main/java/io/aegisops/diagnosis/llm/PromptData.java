package io.aegisops.diagnosis.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aegisops.contract.Action;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.Claim;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.Fact;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.Investigation;
import io.aegisops.diagnosis.service.DiagnosisInput;

import java.util.Collection;
import java.util.List;

/**
 * Writes an incident as the one JSON document a model reads. Exists so that everything that comes from outside
 * (alert text, labels, log lines, fact summaries) reaches the model as a JSON string value and nothing else: it
 * cannot close the document or the {@code <data>} block it sits in, because quotes are escaped by JSON and
 * {@code <} / {@code >} are written as {@code \u003c} / {@code \u003e}.
 */
public final class PromptData {

    static final int MAX_TEXT = 2000;

    private PromptData() {
    }

    public static String of(DiagnosisInput input, Collection<Action> allowedActions, int logLines) {
        ObjectNode root = EventCodec.mapper().createObjectNode();
        IncidentView incident = input.incident();
        ObjectNode i = root.putObject("incident");
        i.put("id", incident.id());
        i.put("target", incident.target());
        i.put("service", incident.service());
        i.put("container", incident.container());
        i.put("status", String.valueOf(incident.status()));
        i.put("severity", String.valueOf(incident.severity()));
        ArrayNode types = i.putArray("alertTypes");
        incident.alertTypes().forEach(t -> types.add(t.name()));
        i.put("alertCount", incident.alertCount());
        root.putPOJO("allowedActions", allowedActions.stream().map(Action::name).sorted().toList());
        root.putPOJO("causeFamilies", Prompts.FAMILIES);
        ArrayNode alerts = root.putArray("alerts");
        for (AlertView alert : input.alerts()) {
            ObjectNode a = alerts.addObject();
            a.put("id", alert.id());
            a.put("type", alert.type().name());
            a.put("source", String.valueOf(alert.source()));
            a.put("severity", String.valueOf(alert.severity()));
            a.put("summary", clip(alert.summary()));
            if (alert.metrics() != null) {
                a.set("metrics", clip(alert.metrics()));
            }
            ArrayNode evidence = a.putArray("evidence");
            newest(alert.evidence(), logLines).forEach(line -> evidence.add(clip(line)));
            a.put("observedAt", String.valueOf(alert.observedAt()));
        }
        Investigation investigation = input.investigation();
        if (investigation != null) {
            ObjectNode inv = root.putObject("investigation");
            inv.put("id", investigation.id());
            inv.put("container", investigation.container());
            ArrayNode facts = inv.putArray("facts");
            for (Fact fact : investigation.facts()) {
                ObjectNode f = facts.addObject();
                f.put("id", fact.id());
                f.put("name", fact.name());
                f.put("source", fact.source());
                f.put("summary", clip(fact.summary()));
                if (fact.value() != null) {
                    f.set("value", fact.value().isArray() ? lastLines(fact.value(), logLines) : clip(fact.value()));
                }
                f.put("observedAt", String.valueOf(fact.observedAt()));
            }
            ArrayNode claims = inv.putArray("claims");
            for (Claim claim : investigation.claims()) {
                ObjectNode c = claims.addObject();
                c.put("alertType", claim.alertType().name());
                c.put("corroborated", claim.corroborated());
                c.putPOJO("factIds", claim.factIds());
                c.put("reason", clip(claim.reason()));
            }
        }
        try {
            return quoteAngles(EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the incident cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Outside string values JSON has no angle brackets, so this only touches text that came from outside. */
    static String quoteAngles(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e");
    }

    private static List<String> newest(List<String> lines, int n) {
        if (lines == null) {
            return List.of();
        }
        return lines.size() <= n ? lines : lines.subList(lines.size() - n, lines.size());
    }

    private static JsonNode lastLines(JsonNode array, int n) {
        ArrayNode out = EventCodec.mapper().createArrayNode();
        for (int k = Math.max(0, array.size() - n); k < array.size(); k++) {
            out.add(array.get(k).isTextual() ? EventCodec.mapper().getNodeFactory().textNode(clip(array.get(k).asText()))
                    : array.get(k));
        }
        return out;
    }

    private static JsonNode clip(JsonNode value) {
        return value.isTextual() ? EventCodec.mapper().getNodeFactory().textNode(clip(value.asText())) : value;
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
