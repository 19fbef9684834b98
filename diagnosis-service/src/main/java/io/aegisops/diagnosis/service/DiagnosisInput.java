package io.aegisops.diagnosis.service;

import io.aegisops.contract.AlertView;
import io.aegisops.contract.IncidentView;

import java.util.List;

/**
 * What a {@link Diagnoser} may look at: the incident as monitor-service last described it and the alerts
 * this service has kept for it, oldest first (a bounded window per alert type, so an alert storm does not
 * make every diagnosis slower than the last).
 */
public record DiagnosisInput(IncidentView incident, List<AlertView> alerts) {

    public DiagnosisInput {
        alerts = List.copyOf(alerts);
    }
}
