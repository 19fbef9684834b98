package io.aegisops.diagnosis.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.ApprovalDecision;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an incident's alerts into diagnosis revisions, with the confidence learnt from past human decisions,
 * and revises a diagnosis when a human asks for changes. Runs inside the transaction that claims the event
 * (inbox), so the stored alert or decision, the new revision and its outbox event commit together or not at all.
 */
@ApplicationScoped
public class DiagnosisService {

    private static final Logger LOG = Logger.getLogger(DiagnosisService.class);

    private final DiagnoserChain diagnosers;
    private final Outbox outbox;
    private final Event<DiagnosisIssued> issued;
    private final DiagnosisConfig config;
    private final LearningService learning;

    public DiagnosisService(DiagnoserChain diagnosers, Outbox outbox, Event<DiagnosisIssued> issued,
                            DiagnosisConfig config, LearningService learning) {
        this.diagnosers = diagnosers;
        this.outbox = outbox;
        this.issued = issued;
        this.config = config;
        this.learning = learning;
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
        List<AlertType> types = typesOf(alerts);
        Pattern pattern = new Pattern(LearningService.serviceOf(incidentCase.service, incidentCase.target),
                proposal.primaryAlertType() != null ? proposal.primaryAlertType()
                        : types.isEmpty() ? null : types.get(0), proposal.action());
        LearnedConfidence learned = learning.confidenceFor(pattern, proposal.confidence());
        Diagnosis diagnosis = new Diagnosis(UUID.randomUUID().toString(), incident.id(), incidentCase.revision + 1,
                incidentCase.target, incidentCase.service, incidentCase.container, types,
                proposal.rootCause(), proposal.action(), learned.confidence(), proposal.confidence(),
                append(proposal.evidence(), learned.evidenceLine(pattern)),
                join(proposal.justification(), learned.explanation(pattern)), proposal.engine(), proposal.ruleId(),
                now());
        IssuedDiagnosis.of(diagnosis, pattern.alertType()).persist();
        incidentCase.concluded(diagnosis);
        publish(diagnosis, incidentCase.target);
        return Optional.of(diagnosis);
    }

    /**
     * A decision on an approval: learnt from (APPROVE, REJECT, OVERRIDE), and for REQUEST_CHANGES answered with
     * a revised diagnosis. Only a request's first decision counts, as only the first is acted on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Diagnosis> decisionReceived(ApprovalDecision decision) {
        if (learning.decided(decision).isEmpty() || decision.decision() != ApprovalDecision.Kind.REQUEST_CHANGES) {
            return Optional.empty();
        }
        return changesRequested(decision);
    }

    /**
     * Issues the revision a human asked for: the feedback becomes the first piece of evidence and a named
     * action (one a human may choose) replaces the proposed one. The confidence is the rule's: the action is a
     * person's explicit choice, not something learning should second-guess.
     */
    private Optional<Diagnosis> changesRequested(ApprovalDecision decision) {
        UUID incidentId = UUID.fromString(decision.incidentId());
        Optional<IncidentCase> found = IncidentCase.findForUpdate(incidentId);
        if (found.isEmpty() || found.get().currentDiagnosisId == null) {
            LOG.infof("Changes requested on incident %s, which has no diagnosis here: nothing to revise", incidentId);
            return Optional.empty();
        }
        IncidentCase incidentCase = found.get();
        if (incidentCase.isClosed()) {
            LOG.infof("Changes requested on incident %s, which is %s: not revised", incidentId, incidentCase.status);
            return Optional.empty();
        }
        IssuedDiagnosis current = IssuedDiagnosis.findById(incidentCase.currentDiagnosisId);
        Diagnosis before = current.toContract();
        Action named = decision.action();
        boolean adopt = named != null && config.learning().feedbackActions().contains(named);
        Action action = adopt ? named : before.action();
        String who = decision.actor() == null || decision.actor().isBlank() ? "a human" : decision.actor();
        String feedback = decision.feedback() == null ? "(no feedback given)" : decision.feedback();
        StringBuilder justification = new StringBuilder("Revised at the request of ").append(who).append(": ")
                .append(feedback).append(' ');
        if (adopt && named != before.action()) {
            justification.append("The action ").append(action).append(" is their explicit choice (the rule proposed ")
                    .append(before.action()).append(").");
        } else if (named != null && !adopt) {
            justification.append(named).append(" is not an action a human may choose here (")
                    .append(config.learning().feedbackActions()).append("), so the action stays ").append(action)
                    .append('.');
        } else {
            justification.append("The action stays ").append(action).append('.');
        }
        justification.append(" The confidence is the rule's ").append(LearnedConfidence.two(before.baseConfidence()))
                .append(", not adjusted by learning, because a person chose this. Previously: ")
                .append(before.justification());
        List<String> evidence = new ArrayList<>();
        evidence.add("human feedback (" + who + "): " + feedback);
        evidence.addAll(before.evidence());
        Diagnosis revised = new Diagnosis(UUID.randomUUID().toString(), before.incidentId(),
                incidentCase.revision + 1, before.target(), before.service(), before.container(), before.alertTypes(),
                before.rootCause(), action, before.baseConfidence(), before.baseConfidence(), evidence,
                justification.toString(), before.engine(), before.ruleId(), now());
        IssuedDiagnosis.of(revised, current.primaryAlertType).persist();
        incidentCase.revisedByHuman(revised);
        publish(revised, incidentCase.target);
        return Optional.of(revised);
    }

    private void publish(Diagnosis diagnosis, String target) {
        outbox.publish(Topics.DIAGNOSES, EventTypes.DIAGNOSIS_PROPOSED, diagnosis.incidentId(), target, diagnosis);
        issued.fire(new DiagnosisIssued(diagnosis));
    }

    private static List<String> append(List<String> lines, String line) {
        if (line == null) {
            return lines;
        }
        List<String> all = new ArrayList<>(lines);
        all.add(line);
        return all;
    }

    private static String join(String text, String sentence) {
        return sentence == null ? text : text + " " + sentence;
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
