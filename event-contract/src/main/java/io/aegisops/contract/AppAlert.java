package io.aegisops.contract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The native alert JSON accepted by monitor-service on {@code POST /api/alerts}; buggy-app's self-watch
 * sends exactly this. Validation (required fields, sizes) is monitor-service's job, so this stays a plain
 * record usable by any sender.
 *
 * @param type       required: one of {@link AlertType}
 * @param service    required: the logical service reporting (its incident target)
 * @param container  optional: container name or id, when the sender knows it
 * @param severity   optional, default WARNING
 * @param summary    required: one line for people
 * @param metrics    optional measured values, e.g. {@code {"heapUsedPercent": 93.1}}
 * @param evidence   optional recent log lines, oldest first
 * @param observedAt optional, default: time of receipt
 * @param status     optional: {@code firing} (the default) or {@code resolved}, the sender's all-clear for this type
 */
public record AppAlert(
        AlertType type,
        String service,
        String container,
        Severity severity,
        String summary,
        Map<String, Object> metrics,
        List<String> evidence,
        OffsetDateTime observedAt,
        String status) {

    public static final String FIRING = "firing";
    public static final String RESOLVED = "resolved";

    /** A firing alert, what most senders send. */
    public AppAlert(AlertType type, String service, String container, Severity severity, String summary,
                    Map<String, Object> metrics, List<String> evidence, OffsetDateTime observedAt) {
        this(type, service, container, severity, summary, metrics, evidence, observedAt, FIRING);
    }
}
