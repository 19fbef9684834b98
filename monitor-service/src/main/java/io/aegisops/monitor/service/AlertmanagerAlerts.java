package io.aegisops.monitor.service;

import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.Severity;
import io.aegisops.kit.rest.Violations;
import io.aegisops.monitor.rest.AlertmanagerWebhook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates an Alertmanager notification as a whole (all alerts or none) and maps each alert to a
 * {@link NewAlert}: its type from an {@code aegis_type} label or the alert name, its target from the first
 * identifying label present, else its own fingerprint.
 */
public final class AlertmanagerAlerts {

    static final int MAX_ALERTS = 1000;

    /** Labels that name what an alert is about, most specific first (cAdvisor exposes compose labels so). */
    static final List<String> TARGET_LABELS = List.of("aegis_service", "service",
            "container_label_com_docker_compose_service", "container", "name", "instance");

    private AlertmanagerAlerts() {
    }

    public static List<NewAlert> validate(AlertmanagerWebhook webhook) {
        Violations violations = new Violations();
        if (webhook == null) {
            violations.add("body", "is required: an Alertmanager webhook (version 4) JSON object");
            violations.throwIfAny();
        }
        if (violations.required(webhook.version(), "version")) {
            violations.check("4".equals(webhook.version()), "version",
                    "'" + webhook.version() + "' is not supported; Alertmanager webhook version 4 expected");
        }
        if (violations.required(webhook.alerts(), "alerts")) {
            violations.check(!webhook.alerts().isEmpty(), "alerts", "must contain at least one alert");
            violations.maxSize(webhook.alerts(), MAX_ALERTS, "alerts");
        }
        List<AlertmanagerWebhook.Alert> alerts = webhook.alerts() == null ? List.of() : webhook.alerts();
        for (int i = 0; i < alerts.size() && i < MAX_ALERTS; i++) {
            AlertmanagerWebhook.Alert alert = alerts.get(i);
            String at = "alerts[" + i + "]";
            if (!violations.check(alert != null, at, "must be an object")) {
                continue;
            }
            if (violations.required(alert.status(), at + ".status")) {
                violations.check("firing".equals(alert.status()) || "resolved".equals(alert.status()),
                        at + ".status", "must be 'firing' or 'resolved'");
            }
            if (violations.required(alert.labels(), at + ".labels")) {
                violations.required(alert.labels().get("alertname"), at + ".labels.alertname");
            }
            violations.required(alert.startsAt(), at + ".startsAt");
        }
        violations.throwIfAny();
        return alerts.stream().map(AlertmanagerAlerts::toNewAlert).toList();
    }

    static NewAlert toNewAlert(AlertmanagerWebhook.Alert alert) {
        Map<String, String> labels = alert.labels();
        Map<String, String> annotations = alert.annotations() == null ? Map.of() : alert.annotations();
        String fingerprint = alert.fingerprint() == null || alert.fingerprint().isBlank()
                ? Fingerprints.ofLabels(labels) : alert.fingerprint();
        boolean firing = "firing".equals(alert.status());
        String service = firstLabel(labels, TARGET_LABELS.subList(0, 3));
        String container = labels.get("container") != null ? labels.get("container") : labels.get("name");
        String target = firstLabel(labels, TARGET_LABELS);
        if (target == null) {
            target = "fingerprint:" + fingerprint;
        }
        String alertname = labels.get("alertname");
        String summary = annotations.getOrDefault("summary", annotations.getOrDefault("description", alertname));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("labels", labels);
        metrics.put("annotations", annotations);
        List<String> evidence = new ArrayList<>();
        if (annotations.containsKey("description")) {
            evidence.add(annotations.get("description"));
        }
        if (alert.generatorURL() != null && !alert.generatorURL().isBlank()) {
            evidence.add("source: " + alert.generatorURL());
        }
        OffsetDateTime observedAt = !firing && alert.endsAt() != null && alert.endsAt().getYear() > 1
                ? alert.endsAt() : alert.startsAt();
        return new NewAlert(typeOf(labels), AlertSource.ALERTMANAGER, severityOf(labels.get("severity")), firing,
                target, service, container, summary, metrics, evidence, fingerprint,
                observedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** An explicit {@code aegis_type} label wins; otherwise common alert-name vocabulary is recognised. */
    static AlertType typeOf(Map<String, String> labels) {
        String explicit = labels.get("aegis_type");
        if (explicit != null) {
            try {
                return AlertType.valueOf(explicit.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // fall through to the name: an unknown explicit type is not worth rejecting the notification
            }
        }
        String name = labels.getOrDefault("alertname", "").toLowerCase(Locale.ROOT);
        if (name.contains("oom")) {
            return AlertType.OOM_KILLED;
        }
        if (name.contains("memory") || name.contains("heap")) {
            return AlertType.MEMORY_PRESSURE;
        }
        if (name.contains("cpu")) {
            return AlertType.CPU_SATURATION;
        }
        if (name.contains("latency") || name.contains("slow")) {
            return AlertType.LATENCY;
        }
        if (name.contains("crash") || name.contains("restart")) {
            return AlertType.CRASH;
        }
        if (name.contains("dependency") || name.contains("database") || name.contains("db")) {
            return AlertType.DEPENDENCY_DOWN;
        }
        if (name.contains("down") || name.contains("unhealthy") || name.contains("health")) {
            return AlertType.UNHEALTHY;
        }
        return AlertType.EXTERNAL;
    }

    static Severity severityOf(String label) {
        if (label == null) {
            return Severity.WARNING;
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "critical", "page", "error", "high" -> Severity.CRITICAL;
            case "info", "none", "low" -> Severity.INFO;
            default -> Severity.WARNING;
        };
    }

    private static String firstLabel(Map<String, String> labels, List<String> names) {
        for (String name : names) {
            String value = labels.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
