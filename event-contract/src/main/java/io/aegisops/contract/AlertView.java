package io.aegisops.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One alert as recorded by monitor-service: the normalised form of every intake (app webhook, Alertmanager,
 * Docker event, health check).
 *
 * @param id          alert id (UUID)
 * @param type        what kind of trouble
 * @param source      which intake detected it
 * @param severity    how urgent
 * @param status      {@code firing} or {@code resolved}
 * @param service     logical service name when known
 * @param container   container name when known
 * @param summary     one line for people
 * @param metrics     measured values (e.g. heapUsedMb, exitCode), free-form JSON object
 * @param evidence    recent log lines or other raw evidence, oldest first
 * @param fingerprint stable identity of the alert at its source (Alertmanager fingerprint, computed otherwise)
 * @param observedAt  when the source observed the condition
 * @param receivedAt  when monitor-service recorded it
 */
public record AlertView(
        String id,
        AlertType type,
        AlertSource source,
        Severity severity,
        String status,
        String service,
        String container,
        String summary,
        JsonNode metrics,
        List<String> evidence,
        String fingerprint,
        OffsetDateTime observedAt,
        OffsetDateTime receivedAt) {
}
