package io.aegisops.monitor.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Prometheus Alertmanager's webhook payload, version 4 (the only version Alertmanager has ever sent).
 * Fields AegisOps does not use (truncatedAlerts, externalURL…) are accepted and ignored.
 */
public record AlertmanagerWebhook(
        String version,
        String groupKey,
        String status,
        String receiver,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        String externalURL,
        List<Alert> alerts) {

    /** One alert of the notification. */
    public record Alert(
            String status,
            Map<String, String> labels,
            Map<String, String> annotations,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String generatorURL,
            String fingerprint) {
    }
}
