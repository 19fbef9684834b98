package io.aegisops.monitor.service;

import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.Severity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An alert from any intake, already validated and normalised, on its way to the incident grouper. Every
 * intake (REST webhook, Alertmanager, Docker events, health checks) converts its input into this one shape.
 *
 * @param type        what kind of trouble
 * @param source      which intake saw it
 * @param severity    how urgent
 * @param firing      false for an external alert that reports itself resolved
 * @param target      grouping key: the logical service, or for unmapped external alerts their fingerprint
 * @param service     logical service when known (may be null)
 * @param container   container name when known (may be null)
 * @param summary     one line for people
 * @param metrics     measured values
 * @param evidence    log lines or raw evidence, oldest first
 * @param fingerprint stable identity of the condition at its source
 * @param observedAt  when the source observed it
 */
public record NewAlert(
        AlertType type,
        AlertSource source,
        Severity severity,
        boolean firing,
        String target,
        String service,
        String container,
        String summary,
        Map<String, Object> metrics,
        List<String> evidence,
        String fingerprint,
        OffsetDateTime observedAt) {
}
