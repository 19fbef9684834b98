package io.aegisops.monitor.service;

import io.aegisops.contract.AlertView;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.IncidentView;
import io.aegisops.monitor.domain.IncidentTransition;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An incident with its evidence and its audit trail, as {@code GET /api/incidents/{id}} returns it.
 *
 * @param incident the incident
 * @param alerts   every alert that opened or joined it, oldest first
 * @param timeline every status transition, oldest first
 */
public record IncidentDetails(IncidentView incident, List<AlertView> alerts, List<Transition> timeline) {

    /** One step of the lifecycle: who or what moved the incident, and why. */
    public record Transition(IncidentStatus from, IncidentStatus to, String actor, String reason,
                             OffsetDateTime at) {

        public static Transition of(IncidentTransition row) {
            return new Transition(row.fromStatus, row.toStatus, row.actor, row.reason, row.at);
        }
    }
}
