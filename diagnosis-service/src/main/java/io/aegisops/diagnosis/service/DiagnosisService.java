package io.aegisops.diagnosis.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.Citation;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.Investigation;
import io.aegisops.contract.Topics;
import io.aegisops.diagnosis.domain.IncidentCase;
import io.aegisops.diagnosis.domain.IssuedDiagnosis;
import io.aegisops.diagnosis.domain.ObservedAlert;
import io.aegisops.diagnosis.llm.AnswerCheck;
import io.aegisops.diagnosis.llm.ModelAdvice;
import io.aegisops.diagnosis.llm.ModelAdvisor;
import io.aegisops.diagnosis.runbook.RunbookCitations;
import io.aegisops.diagnosis.runbook.RunbookHit;
import io.aegisops.diagnosis.similar.PastIncidents;
import io.aegisops.diagnosis.similar.SimilarIncident;
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
 * Turns an incident's alerts and the facts of its investigation into diagnosis revisions, with the confidence
 * learnt from past human decisions and capped when the claim it acts on is not corroborated, citing the runbook
 * sections that apply, and revises a diagnosis when a human asks for changes. Runs inside the transaction that claims
 * the event (inbox), so the stored alert or decision, the new revision and its outbox event commit together or not at all.
 */
@ApplicationScoped
public class DiagnosisService {

    private static final Logger LOG = Logger.getLogger(DiagnosisService.class);

    private final DiagnoserChain diagnosers;
    private final Outbox outbox;
    private final Event<DiagnosisIssued> issued;
    private final DiagnosisConfig config;
    private final LearningService learning;
    private final RunbookCitations runbooks;
    private final ModelAdvisor models;
    private final PastIncidents pastIncidents;

    public DiagnosisService(DiagnoserChain diagnosers, Outbox outbox, Event<DiagnosisIssued> issued,
                            DiagnosisConfig config, LearningService learning, RunbookCitations runbooks,
                            ModelAdvisor models, PastIncidents pastIncidents) {
        this.diagnosers = diagnosers;
        this.outbox = outbox;
        this.issued = issued;
        this.config = config;
        this.learning = learning;
        this.runbooks = runbooks;
        this.models = models;
        this.pastIncidents = pastIncidents;
    }

    /**
     * Records an alert that opened or joined an incident and diagnoses the incident again once its investigation
     * covers the alert's type. An alert of a type no investigation has looked at yet waits: monitor-service
     * investigates every new alert type of an incident, and the diagnosis follows that investigation
     * ({@link #investigationCompleted}), so no diagnosis is issued on an alert's word alone.
     *
     * @return the new revision, or empty when the conclusion did not change, the incident is closed, or its
     * investigation is still to come
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
        Optional<Investigation> investigation = incidentCase.latestInvestigation();
        if (investigation.flatMap(i -> i.claimFor(event.alert().type())).isEmpty()) {
            LOG.debugf("Incident %s: alert %s (%s) waits for the investigation of its type", incident.id(),
                    event.alert().id(), event.alert().type());
            return Optional.empty();
        }
        return diagnose(incidentCase, incident, investigation.get(), event.alert().id(), false);
    }

    /**
     * Takes an investigation of an incident's target and diagnoses the incident on its facts. An older
     * investigation that completes after a newer one is kept out: the diagnosis rests on the latest facts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Diagnosis> investigationCompleted(Investigation investigation) {
        IncidentCase incidentCase = IncidentCase.forInvestigation(investigation);
        if (!incidentCase.investigated(investigation)) {
            LOG.debugf("Investigation %s of incident %s is older than the one held; ignored", investigation.id(),
                    investigation.incidentId());
            return Optional.empty();
        }
        if (incidentCase.isClosed()) {
            LOG.debugf("Incident %s is %s: investigation %s kept, no new diagnosis", investigation.incidentId(),
                    incidentCase.status, investigation.id());
            return Optional.empty();
        }
        Optional<IncidentView> incident = incidentCase.lastView();
        if (incident.isEmpty()) {
            LOG.infof("Investigation %s of incident %s arrived before any of its alerts: kept for them",
                    investigation.id(), investigation.incidentId());
            return Optional.empty();
        }
        return diagnose(incidentCase, incident.get(), investigation, "investigation " + investigation.id(), true);
    }

    /**
     * @param onNewFacts true when an investigation triggered this, false for an alert joining on facts already held.
     *                   The model is asked once per investigation, before its event's transaction ({@link ModelAdvisor});
     *                   its answer is taken here. A model's diagnosis stands until new facts: an alert that joins
     *                   after a restart (when the answer is no longer remembered) does not hand it back to the rules.
     */
    private Optional<Diagnosis> diagnose(IncidentCase incidentCase, IncidentView incident, Investigation investigation,
                                         String trigger, boolean onNewFacts) {
        Optional<ModelAdvice> advice = models.adviceFor(investigation);
        if (advice.isEmpty() && !onNewFacts && AnswerCheck.ENGINE.equals(incidentCase.engine)) {
            LOG.debugf("Incident %s: %s brings no new facts; the model's diagnosis stands", incident.id(), trigger);
            return Optional.empty();
        }
        List<AlertView> alerts = ObservedAlert.ofIncident(incidentCase.incidentId);
        ProposedDiagnosis proposal = advice.flatMap(ModelAdvice::proposal)
                .orElseGet(() -> diagnosers.diagnose(new DiagnosisInput(incident, alerts, investigation)));
        List<AlertType> types = typesOf(alerts);
        Pattern pattern = new Pattern(LearningService.serviceOf(incidentCase.service, incidentCase.target),
                proposal.primaryAlertType() != null ? proposal.primaryAlertType()
                        : types.isEmpty() ? null : types.get(0), proposal.action());
        LearnedConfidence learned = learning.confidenceFor(pattern, proposal.confidence());
        Grounding grounding = Grounding.of(proposal, learned.confidence(), investigation, config.uncorroboratedCap());
        Conclusion conclusion = proposal.conclusion().withCorroboration(grounding.corroborated());
        RevisionPolicy.Verdict verdict = RevisionPolicy.decide(incidentCase.conclusion(), conclusion);
        if (verdict == RevisionPolicy.Verdict.KEEP) {
            LOG.debugf("Incident %s: %s leaves the conclusion at %s", incident.id(), trigger, conclusion);
            return Optional.empty();
        }
        // After the verdict: runbook sections are advice, not part of the conclusion, so they never earn a revision.
        List<RunbookHit> sections = runbooks.sectionsFor(proposal.engine(), proposal.ruleId(), proposal.rootCause(),
                types);
        List<Citation> citations = new ArrayList<>(grounding.citations());
        sections.forEach(hit -> citations.add(RunbookCitations.citation(hit)));
        List<String> evidence = new ArrayList<>(grounding.evidence());
        evidence.addAll(append(proposal.evidence(), learned.evidenceLine(pattern)));
        advice.ifPresent(a -> evidence.addAll(a.notes()));
        sections.forEach(hit -> evidence.add(RunbookCitations.evidenceLine(hit)));
        // Past incidents too are advice found after the verdict: similarity never earns a revision.
        List<SimilarIncident> similar = pastIncidents.similarTo(incident.id(), incidentCase.target,
                incidentCase.service, types, proposal.rootCause(), proposal.action());
        similar.forEach(past -> citations.add(past.citation()));
        similar.forEach(past -> evidence.add(past.evidenceLine()));
        String justification = join(join(proposal.justification(), learned.explanation(pattern)), grounding.note());
        Diagnosis diagnosis = new Diagnosis(UUID.randomUUID().toString(), incident.id(), incidentCase.revision + 1,
                incidentCase.target, incidentCase.service, incidentCase.container, types,
                proposal.rootCause(), proposal.action(), grounding.confidence(), proposal.confidence(), evidence,
                justification, proposal.engine(), proposal.ruleId(), now(), grounding.corroborated(),
                investigation.id(), citations);
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
                justification.toString(), before.engine(), before.ruleId(), now(), before.corroborated(),
                before.investigationId(), before.citations());
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

    /**
     * Follows the incident's lifecycle so that a closed incident is not diagnosed again, and keeps a closed one as a
     * past incident that later diagnoses may cite (again when it closes again: one row per incident).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(IncidentView incident) {
        IncidentCase incidentCase = IncidentCase.follow(incident);
        LOG.debugf("Incident %s is now %s", incident.id(), incidentCase.status);
        if (incident.status() != null && incident.status().isClosed()) {
            pastIncidents.closed(incidentCase, incident.status());
        }
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
