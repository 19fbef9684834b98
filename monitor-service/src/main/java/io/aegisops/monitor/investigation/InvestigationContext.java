package io.aegisops.monitor.investigation;

import java.util.List;
import java.util.UUID;

/**
 * What a runner needs to gather and judge one investigation, read from the database before gathering starts, so
 * no transaction is open while the engine is read.
 *
 * @param id             the investigation
 * @param incidentId     its incident
 * @param target         the incident's target
 * @param container      the container the alerts named last (may be null)
 * @param triggerAlertId the alert that asked for it
 * @param alerts         the latest firing alert of each alert type of the incident, in first-seen order of the types
 */
public record InvestigationContext(UUID id, String incidentId, String target, String container,
                                   String triggerAlertId, List<ClaimedAlert> alerts) {

    public InvestigationContext {
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }
}
