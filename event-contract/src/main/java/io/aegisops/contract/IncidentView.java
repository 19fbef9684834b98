package io.aegisops.contract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An incident as other services see it in events: enough to diagnose and display it without calling back
 * into monitor-service.
 *
 * @param id          incident id (UUID)
 * @param target      the grouping key: the logical service (or, for unmapped external alerts, a fingerprint)
 * @param service     logical service name when known
 * @param container   container name when known
 * @param status      lifecycle state
 * @param severity    highest severity among its alerts
 * @param alertTypes  every alert type seen, in first-seen order
 * @param alertCount  alerts joined so far
 * @param firstSeen   first alert's observation time
 * @param lastSeen    latest alert's observation time
 */
public record IncidentView(
        String id,
        String target,
        String service,
        String container,
        IncidentStatus status,
        Severity severity,
        List<AlertType> alertTypes,
        int alertCount,
        OffsetDateTime firstSeen,
        OffsetDateTime lastSeen) {
}
