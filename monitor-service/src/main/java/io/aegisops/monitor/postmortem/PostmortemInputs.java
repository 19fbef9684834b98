package io.aegisops.monitor.postmortem;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.Investigation;
import io.aegisops.monitor.service.IncidentDetails.Transition;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything a postmortem is written from, as one value: gathered by {@link PostmortemQueries}, rendered by
 * {@link PostmortemWriter}, so the rendering can be tested without a database.
 *
 * @param incident      the closed incident
 * @param openedAt      when monitor opened it
 * @param closedAt      when it closed
 * @param timeline      every transition and note, oldest first
 * @param alerts        its first alerts in receipt order (at most {@link PostmortemQueries#ALERTS_SHOWN})
 * @param alertTotal    how many alerts it has in all
 * @param diagnosis     its latest diagnosis, null when none was received
 * @param investigation its latest completed investigation, null when none completed
 * @param similar       earlier closed incidents of the same target, newest first
 */
public record PostmortemInputs(
        IncidentView incident,
        OffsetDateTime openedAt,
        OffsetDateTime closedAt,
        List<Transition> timeline,
        List<AlertView> alerts,
        long alertTotal,
        Diagnosis diagnosis,
        Investigation investigation,
        List<SimilarIncident> similar) {

    public PostmortemInputs {
        timeline = List.copyOf(timeline);
        alerts = List.copyOf(alerts);
        similar = List.copyOf(similar);
    }

    /**
     * An earlier closed incident of the same target, to compare with.
     *
     * @param id         the incident
     * @param openedAt   when it opened
     * @param status     how it closed (RESOLVED or REJECTED)
     * @param alertTypes its alert types, in first-seen order
     * @param action     the action of its latest stored diagnosis, null when none is stored
     * @param closedBy   the actor of its last timeline entry
     * @param closedWith the reason of its last timeline entry
     */
    public record SimilarIncident(String id, OffsetDateTime openedAt, IncidentStatus status, List<AlertType> alertTypes,
                                  Action action, String closedBy, String closedWith) {

        public SimilarIncident {
            alertTypes = List.copyOf(alertTypes);
        }
    }
}
