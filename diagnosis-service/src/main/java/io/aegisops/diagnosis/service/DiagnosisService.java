package io.aegisops.diagnosis.service;

import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.Topics;
import io.aegisops.diagnosis.domain.IncidentCase;
import io.aegisops.diagnosis.domain.IssuedDiagnosis;
import io.aegisops.diagnosis.domain.ObservedAlert;
import io.aegisops.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an incident's alerts into diagnosis revisions. Runs inside the transaction that claims the event
 * (inbox), so the stored alert, the new revision and its outbox event commit together or not at all.
 */
@ApplicationScoped
public class DiagnosisService {

    private static final Logger LOG = Logger.getLogger(DiagnosisService.class);

    private final DiagnoserChain diagnosers;
    private final Outbox outbox;
    private final Event<DiagnosisIssued> issued;
    private final DiagnosisConfig config;

    public DiagnosisService(DiagnoserChain diagnosers, Outbox outbox, Event<DiagnosisIssued> issued,
                            DiagnosisConfig config) {
        this.diagnosers = diagnosers;
        this.outbox = outbox;
        this.issued = issued;
        this.config = config;
    }

    /**
     * Records an alert that opened or joined an incident and diagnoses the incident again.
     *
     * @return the new revision, or empty when the conclusion did not change or the incident is closed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Diagnosis> alertReceived(AlertEvent event) {
        IncidentView incident = event.incident();
        IncidentCase incidentCase = IncidentCase.follow(incident);
        ObservedAlert.record(incidentCase.incidentId, event.alert(), config.alertsPerType());
        if (incidentCase.isClosed()) {
            LOG.debugf("Incident %s is %s: alert %s kept, no new diagnosis", incident.id(), incidentCase.status,
                    event.alert().id());
            return Optional.empty();
        }
        List<AlertView> alerts = ObservedAlert.ofIncident(incidentCase.incidentId);
        ProposedDiagnosis proposal = diagnosers.diagnose(new DiagnosisInput(incident, alerts));
        RevisionPolicy.Verdict verdict = RevisionPolicy.decide(incidentCase.conclusion(), proposal.conclusion());
        if (verdict == RevisionPolicy.Verdict.KEEP) {
            LOG.debugf("Incident %s: alert %s (%s) leaves the conclusion at %s", incident.id(), event.alert().id(),
                    event.alert().type(), proposal.conclusion());
            return Optional.empty();
        }
        Diagnosis diagnosis = new Diagnosis(UUID.randomUUID().toString(), incident.id(), incidentCase.revision + 1,
                incidentCase.target, incidentCase.service, incidentCase.container, typesOf(alerts),
                proposal.rootCause(), proposal.action(), proposal.confidence(), proposal.confidence(),
                proposal.evidence(), proposal.justification(), proposal.engine(), proposal.ruleId(),
                now());
        IssuedDiagnosis.of(diagnosis).persist();
        incidentCase.concluded(diagnosis);
        outbox.publish(Topics.DIAGNOSES, EventTypes.DIAGNOSIS_PROPOSED, incident.id(), incidentCase.target, diagnosis);
        issued.fire(new DiagnosisIssued(diagnosis));
        return Optional.of(diagnosis);
    }

    /** Follows the incident's lifecycle so that a closed incident is not diagnosed again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(IncidentView incident) {
        IncidentCase incidentCase = IncidentCase.follow(incident);
        LOG.debugf("Incident %s is now %s", incident.id(), incidentCase.status);
    }

    /** PostgreSQL keeps microseconds: the published diagnosis must equal the one the API returns later. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** Every alert type considered, in first-seen order. */
    private static List<AlertType> typesOf(List<AlertView> alerts) {
        LinkedHashSet<AlertType> types = new LinkedHashSet<>();
        alerts.forEach(alert -> types.add(alert.type()));
        return List.copyOf(types);
    }
}
