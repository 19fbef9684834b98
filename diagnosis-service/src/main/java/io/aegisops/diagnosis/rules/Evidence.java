package io.aegisops.diagnosis.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.IncidentView;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks what a diagnosis shows as its evidence and what its templates may quote: the deciding alert first
 * (summary, figures, last log lines), then one line per other alert type. One line per type, not per alert,
 * so a storm of identical alerts does not bury the alert that made the difference.
 */
final class Evidence {

    static final int MAX_LINE = 300;
    private static final int MAX_METRICS = 10;

    private Evidence() {
    }

    /**
     * @param alerts   the incident's alerts, oldest first
     * @param deciding the alert that satisfied the winning rule, if any
     * @param logLines how many of its last log lines to quote
     */
    static List<String> collect(IncidentView incident, List<AlertView> alerts, Optional<AlertView> deciding,
                                int logLines) {
        List<String> lines = new ArrayList<>();
        deciding.ifPresent(alert -> lines.add(describe(alert)));
        Map<AlertType, AlertView> latestOfOtherTypes = new LinkedHashMap<>();
        for (int i = alerts.size() - 1; i >= 0; i--) {
            AlertView alert = alerts.get(i);
            if (deciding.map(d -> d.type() != alert.type()).orElse(true)) {
                latestOfOtherTypes.putIfAbsent(alert.type(), alert);
            }
        }
        latestOfOtherTypes.values().forEach(alert -> lines.add(describe(alert)));
        deciding.ifPresent(alert -> {
            String metrics = metricsLine(alert.metrics());
            if (!metrics.isEmpty()) {
                lines.add("metrics: " + metrics);
            }
            List<String> log = alert.evidence() == null ? List.of() : alert.evidence();
            log.subList(Math.max(0, log.size() - logLines), log.size()).forEach(line -> lines.add("log: " + line));
        });
        if (incident.alertCount() > 1) {
            lines.add("incident: " + incident.alertCount() + " alerts so far");
        }
        return lines.stream().map(Evidence::clip).toList();
    }

    /** Values a rule's templates may quote: the deciding alert's metrics, then names about the incident. */
    static Map<String, String> templateValues(IncidentView incident, Optional<AlertView> deciding) {
        return templateValues(incident, deciding, null);
    }

    /**
     * As {@link #templateValues(IncidentView, Optional)}, with the observed facts between the two: what AegisOps saw
     * itself (the engine's exit code) beats what an alert claims, and names about the incident beat both.
     *
     * @param observed fact values by name, null without an investigation
     */
    static Map<String, String> templateValues(IncidentView incident, Optional<AlertView> deciding, JsonNode observed) {
        Map<String, String> values = new LinkedHashMap<>();
        deciding.map(AlertView::metrics).ifPresent(metrics -> scalars(metrics).forEach(values::put));
        scalars(observed).forEach(values::put);
        put(values, "target", incident.target());
        put(values, "service", firstNonBlank(incident.service(), deciding.map(AlertView::service).orElse(null),
                incident.target()));
        put(values, "container", firstNonBlank(incident.container(),
                deciding.map(AlertView::container).orElse(null)));
        put(values, "alertCount", Integer.toString(incident.alertCount()));
        deciding.ifPresent(alert -> {
            put(values, "alertType", alert.type() == null ? null : alert.type().name());
            put(values, "summary", alert.summary());
        });
        return values;
    }

    private static String describe(AlertView alert) {
        return alert.type() + (alert.source() == null ? "" : " (" + alert.source() + ")") + ": " + alert.summary();
    }

    private static String metricsLine(JsonNode metrics) {
        List<String> pairs = new ArrayList<>();
        scalars(metrics).entrySet().stream().limit(MAX_METRICS)
                .forEach(entry -> pairs.add(entry.getKey() + "=" + entry.getValue()));
        return String.join(", ", pairs);
    }

    /** Scalar metrics as text; numbers without a meaningless ".0" (256, not 256.0). */
    private static Map<String, String> scalars(JsonNode metrics) {
        Map<String, String> values = new LinkedHashMap<>();
        if (metrics == null || !metrics.isObject()) {
            return values;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = metrics.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNumber()) {
                values.put(field.getKey(), value.decimalValue().stripTrailingZeros().toPlainString());
            } else if (value.isValueNode() && !value.isNull()) {
                values.put(field.getKey(), value.asText());
            }
        }
        return values;
    }

    /** Names about the incident win over metrics of the same name: they are what the template author meant. */
    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value);
        }
    }

    private static String firstNonBlank(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    private static String clip(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + "…";
    }
}
