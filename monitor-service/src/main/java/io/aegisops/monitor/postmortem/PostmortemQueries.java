package io.aegisops.monitor.postmortem;

import io.aegisops.contract.Diagnosis;
import io.aegisops.monitor.domain.Alert;
import io.aegisops.monitor.domain.Incident;
import io.aegisops.monitor.domain.IncidentDiagnosis;
import io.aegisops.monitor.domain.IncidentTransition;
import io.aegisops.monitor.investigation.InvestigationQueries;
import io.aegisops.monitor.postmortem.PostmortemInputs.SimilarIncident;
import io.aegisops.monitor.service.IncidentDetails.Transition;
import io.aegisops.monitor.service.Views;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Gathers what a postmortem is written from, all of it owned by monitor-service: the incident, its timeline and
 * alerts, the latest diagnosis it received, its latest investigation and the target's earlier incidents. Kept apart
 * from {@link PostmortemWriter} so the writing stays a pure function, and read-only like the other query classes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PostmortemQueries {

    /** A storm can bring thousands of alerts; the postmortem shows the first ones and says how many there were. */
    static final int ALERTS_SHOWN = 20;
    static final int SIMILAR_SHOWN = 5;

    private final InvestigationQueries investigations;

    public PostmortemQueries(InvestigationQueries investigations) {
        this.investigations = investigations;
    }

    /**
     * @return empty when the incident does not exist
     * @throws IncidentStillOpenException when it has not closed yet
     */
    public Optional<PostmortemInputs> gather(UUID id) {
        return Incident.<Incident>findByIdOptional(id).map(incident -> {
            if (!incident.status.isClosed()) {
                throw new IncidentStillOpenException(id, incident.status);
            }
            return new PostmortemInputs(Views.of(incident), incident.openedAt, incident.closedAt,
                    IncidentTransition.ofIncident(id).stream().map(Transition::of).toList(),
                    Alert.firstOfIncident(id, ALERTS_SHOWN).stream().map(Views::of).toList(),
                    Alert.countOfIncident(id),
                    IncidentDiagnosis.latestOf(id).orElse(null),
                    investigations.latestReport(id).orElse(null),
                    similar(incident));
        });
    }

    private static List<SimilarIncident> similar(Incident incident) {
        List<Incident> earlier = Incident.closedBefore(incident.target, incident.openedAt, SIMILAR_SHOWN);
        List<UUID> ids = earlier.stream().map(i -> i.id).toList();
        Map<UUID, Diagnosis> diagnoses = IncidentDiagnosis.latestOf(ids);
        Map<UUID, IncidentTransition> endings = IncidentTransition.lastOf(ids);
        return earlier.stream().map(i -> {
            Diagnosis diagnosis = diagnoses.get(i.id);
            IncidentTransition ending = endings.get(i.id);
            return new SimilarIncident(i.id.toString(), i.openedAt, i.status, i.alertTypeList(),
                    diagnosis == null ? null : diagnosis.action(),
                    ending == null ? null : ending.actor, ending == null ? null : ending.reason);
        }).toList();
    }
}
