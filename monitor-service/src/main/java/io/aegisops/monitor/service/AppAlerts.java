package io.aegisops.monitor.service;

import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AppAlert;
import io.aegisops.contract.Severity;
import io.aegisops.kit.rest.Violations;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validates the native alert JSON and turns it into a {@link NewAlert}. The native sender is an app, so its
 * service name is its incident target.
 */
public final class AppAlerts {

    /** Service names become grouping keys and log fields: keep them to a safe, printable alphabet. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");
    static final int MAX_SUMMARY = 1000;
    static final int MAX_EVIDENCE_LINES = 200;
    static final int MAX_EVIDENCE_LINE = 4000;
    static final int MAX_METRICS = 100;
    /** A sender's clock may be a little ahead; an observation far in the future is a bug, not a fault. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private AppAlerts() {
    }

    /** @throws io.aegisops.kit.rest.InvalidRequestException naming every invalid field */
    public static NewAlert validate(AppAlert alert) {
        Violations violations = new Violations();
        if (alert == null) {
            violations.add("body", "is required: a JSON object with type, service and summary");
            violations.throwIfAny();
        }
        violations.required(alert.type(), "type");
        if (violations.required(alert.service(), "service")) {
            violations.check(NAME.matcher(alert.service()).matches(), "service",
                    "must be 1-128 characters of letters, digits, '.', '_', '-' or '/', starting with a letter or digit");
        }
        if (alert.container() != null) {
            violations.check(NAME.matcher(alert.container()).matches(), "container",
                    "must be 1-128 characters of letters, digits, '.', '_', '-' or '/'");
        }
        violations.required(alert.summary(), "summary");
        violations.maxLength(alert.summary(), MAX_SUMMARY, "summary");
        violations.maxSize(alert.metrics() == null ? null : alert.metrics().keySet(), MAX_METRICS, "metrics");
        List<String> evidence = alert.evidence() == null ? List.of() : alert.evidence();
        violations.maxSize(evidence, MAX_EVIDENCE_LINES, "evidence");
        for (int i = 0; i < evidence.size() && i < MAX_EVIDENCE_LINES; i++) {
            violations.check(evidence.get(i) != null, "evidence[" + i + "]", "must not be null");
            violations.maxLength(evidence.get(i), MAX_EVIDENCE_LINE, "evidence[" + i + "]");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (alert.observedAt() != null) {
            violations.check(!alert.observedAt().isAfter(now.plus(MAX_CLOCK_SKEW)), "observedAt",
                    "must not be more than " + MAX_CLOCK_SKEW.toMinutes() + " minutes in the future");
        }
        if (alert.status() != null) {
            violations.check(AppAlert.FIRING.equals(alert.status()) || AppAlert.RESOLVED.equals(alert.status()),
                    "status", "must be 'firing' or 'resolved'");
        }
        violations.throwIfAny();

        boolean firing = !AppAlert.RESOLVED.equals(alert.status());
        Severity severity = alert.severity() == null ? Severity.WARNING : alert.severity();
        OffsetDateTime observedAt = alert.observedAt() == null ? now : alert.observedAt();
        Map<String, Object> metrics = alert.metrics() == null ? Map.of() : alert.metrics();
        return new NewAlert(alert.type(), AlertSource.APP_WEBHOOK, severity, firing, alert.service(),
                alert.service(), alert.container(), alert.summary(), metrics, evidence,
                Fingerprints.of(AlertSource.APP_WEBHOOK.name(), alert.type().name(), alert.service()), observedAt);
    }
}
