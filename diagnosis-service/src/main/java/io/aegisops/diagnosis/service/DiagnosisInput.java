package io.aegisops.diagnosis.service;

import io.aegisops.contract.AlertView;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.Investigation;

import java.util.List;

/**
 * What a {@link Diagnoser} may look at: the incident as monitor-service last described it and the alerts
 * this service has kept for it, oldest first (a bounded window per alert type, so an alert storm does not
 * make every diagnosis slower than the last), and the latest investigation of the incident's target: the facts
 * monitor-service observed itself and whether each alert type's claim is corroborated by them.
 *
 * @param investigation null when no investigation is available (then no claim is corroborated)
 */
public record DiagnosisInput(IncidentView incident, List<AlertView> alerts, Investigation investigation) {

    public DiagnosisInput {
        alerts = List.copyOf(alerts);
    }

    /** Without an investigation. */
    public DiagnosisInput(IncidentView incident, List<AlertView> alerts) {
        this(incident, alerts, null);
    }
}
