package io.aegisops.diagnosis.similar;

import io.aegisops.contract.AlertType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A closed incident as it is stored to be found again: what it was about, how it ended, and the text that is
 * embedded.
 *
 * @param incidentId  the incident
 * @param diagnosisId the diagnosis current when it closed
 * @param target      its target
 * @param service     its logical service, null when unknown
 * @param alertTypes  its alert types
 * @param rootCause   the diagnosis' cause
 * @param outcome     how it ended
 * @param closedAt    when this service heard it close
 * @param body        the embedded text ({@link IncidentText#stored})
 */
public record PastIncident(UUID incidentId, UUID diagnosisId, String target, String service,
                           List<AlertType> alertTypes, String rootCause, Outcome outcome, OffsetDateTime closedAt,
                           String body) {

    /**
     * The part of its text written as a new diagnosis' is (with the proposed action, as a diagnosis proposes one):
     * the stored text is this, then the evidence and the outcome.
     */
    public String shared() {
        return IncidentText.of(target, service, alertTypes, rootCause, outcome.proposed());
    }
}
