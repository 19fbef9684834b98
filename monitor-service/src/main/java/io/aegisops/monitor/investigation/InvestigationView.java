package io.aegisops.monitor.investigation;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Investigation;

import java.time.OffsetDateTime;

/**
 * One investigation as {@code GET /api/incidents/{id}/investigations} returns it.
 *
 * @param id             the investigation
 * @param incidentId     its incident
 * @param triggerAlertId the alert that asked for it
 * @param alertType      the alert type that was new on the incident
 * @param status         pending or completed
 * @param requestedAt    when it was asked for
 * @param completedAt    when it was completed, null while pending
 * @param report         facts, claims and tool calls, null while pending
 */
public record InvestigationView(String id, String incidentId, String triggerAlertId, AlertType alertType,
                                InvestigationStatus status, OffsetDateTime requestedAt, OffsetDateTime completedAt,
                                Investigation report) {
}
