package io.aegisops.remediation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.remediation.config.RemediationConfig;
import io.aegisops.remediation.domain.DiagnosisRecord;
import io.aegisops.remediation.domain.Remediation;
import io.aegisops.remediation.domain.RemediationState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns diagnoses into decisions: the first diagnosis of an incident is decided; later revisions are recorded and
 * ignored, except while a human's REQUEST_CHANGES waits for one. The remediation row is unique per incident, so two
 * replicas deciding the same incident collide in the database and the loser, retried, finds it decided.
 */
@ApplicationScoped
public class DiagnosisService {

    private static final Logger LOG = Logger.getLogger(DiagnosisService.class);

    private final DecisionPolicy policy;
    private final FactGatherer facts;
    private final Outcomes outcomes;

    public DiagnosisService(RemediationConfig config, FactGatherer facts, Outcomes outcomes) {
        this.policy = new DecisionPolicy(config.actConfidence(), config.escalateBelow(), config.autoActions(),
                config.approvalActions());
        this.facts = facts;
        this.outcomes = outcomes;
    }

    /** Applies a validated diagnosis in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onDiagnosis(Diagnosis diagnosis) {
        if (DiagnosisRecord.findByIdOptional(diagnosis.id()).isPresent()) {
            LOG.debugf("Diagnosis %s already recorded; ignoring the repeat", diagnosis.id());
            return;
        }
        UUID incidentId = UUID.fromString(diagnosis.incidentId());
        DiagnosisRecord record = record(diagnosis, incidentId);
        Remediation remediation = Remediation.findByIncidentForUpdate(incidentId).orElse(null);
        if (remediation == null) {
            // Persisted by the outcome; a concurrent decision of the same incident then fails on the unique key.
            remediation = open(diagnosis, incidentId);
            decide(remediation, diagnosis);
            record.remediationId = remediation.id;
            record.disposition = DiagnosisRecord.Disposition.DECIDED;
            record.persist();
            return;
        }
        record.remediationId = remediation.id;
        if (remediation.state == RemediationState.CHANGES_REQUESTED && diagnosis.revision() > remediation.diagnosisRevision) {
            redecide(remediation, diagnosis);
            record.disposition = DiagnosisRecord.Disposition.REDECIDED;
            record.persist();
            return;
        }
        record.disposition = DiagnosisRecord.Disposition.IGNORED;
        record.note = "incident already decided (remediation " + remediation.id + " is " + remediation.state
                + " on revision " + remediation.diagnosisRevision + ")";
        record.persist();
        LOG.infof("Diagnosis %s (revision %d) of incident %s recorded and ignored: %s", diagnosis.id(),
                diagnosis.revision(), incidentId, record.note);
    }

    /**
     * After REQUEST_CHANGES: a revision that arrived before the request for changes was processed (the two travel
     * on different topics) is decided now instead of waiting for one that will not come again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean redecideWithRecordedRevision(Remediation remediation) {
        return DiagnosisRecord.latestAbove(remediation.incidentId, remediation.diagnosisRevision).map(record -> {
            record.disposition = DiagnosisRecord.Disposition.REDECIDED;
            record.note = "decided after changes were requested";
            redecide(remediation, parse(record.payload));
            return true;
        }).orElse(false);
    }

    private void redecide(Remediation remediation, Diagnosis diagnosis) {
        remediation.diagnosisId = diagnosis.id();
        remediation.diagnosisRevision = diagnosis.revision();
        remediation.proposedAction = diagnosis.action();
        remediation.confidence = diagnosis.confidence();
        remediation.rootCause = diagnosis.rootCause();
        remediation.approvalRequestId = null;
        decide(remediation, diagnosis);
    }

    private void decide(Remediation remediation, Diagnosis diagnosis) {
        remediation.decidedAt = Outcomes.now();
        remediation.decidedBy = Outcomes.POLICY;
        TargetFacts target = policy.decidedWithoutTarget(diagnosis.action(), diagnosis.confidence())
                ? TargetFacts.notGathered()
                : facts.forDecision(diagnosis.target(), diagnosis.container(), diagnosis.action());
        DecisionPolicy.Decision decision = policy.decide(diagnosis.action(), diagnosis.confidence(), diagnosis.corroborated(),
                target.facts());
        if (target.container() != null) {
            remediation.containerId = target.container().id();
            remediation.containerName = target.container().name();
        } else if (remediation.containerName == null) {
            remediation.containerName = diagnosis.container();
        }
        Map<String, Object> details = new LinkedHashMap<>(target.details(diagnosis.action(), false));
        details.put("decision", decision.outcome().name());
        switch (decision.outcome()) {
            case NO_ACTION -> outcomes.noAction(remediation, decision.reason());
            case ESCALATE -> outcomes.escalate(remediation, Outcomes.POLICY, decision.reason(), details);
            case ASK -> outcomes.requestApproval(remediation, diagnosis.action(), target, decision.reason(),
                    diagnosis.evidence(), diagnosis.citations());
            case ACT -> outcomes.intend(remediation, diagnosis.action(), target, Outcomes.POLICY, decision.reason(),
                    Map.of("decision", decision.outcome().name()));
        }
        LOG.infof("Incident %s (%s, revision %d): %s %s — %s", remediation.incidentId, remediation.target,
                remediation.diagnosisRevision, decision.outcome(), diagnosis.action(), decision.reason());
    }

    private Remediation open(Diagnosis diagnosis, UUID incidentId) {
        Remediation remediation = new Remediation();
        remediation.id = UUID.randomUUID();
        remediation.incidentId = incidentId;
        remediation.target = diagnosis.target();
        remediation.diagnosisId = diagnosis.id();
        remediation.diagnosisRevision = diagnosis.revision();
        remediation.proposedAction = diagnosis.action();
        remediation.confidence = diagnosis.confidence();
        remediation.rootCause = diagnosis.rootCause();
        remediation.decidedBy = Outcomes.POLICY;
        remediation.decidedAt = Outcomes.now();
        return remediation;
    }

    private static DiagnosisRecord record(Diagnosis diagnosis, UUID incidentId) {
        DiagnosisRecord record = new DiagnosisRecord();
        record.diagnosisId = diagnosis.id();
        record.incidentId = incidentId;
        record.revision = diagnosis.revision();
        record.action = diagnosis.action();
        record.confidence = diagnosis.confidence();
        record.receivedAt = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        record.payload = EventCodec.mapper().valueToTree(diagnosis).toString();
        return record;
    }

    private static Diagnosis parse(String payload) {
        try {
            return EventCodec.mapper().readValue(payload, Diagnosis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recorded diagnosis cannot be read back: " + e.getOriginalMessage(), e);
        }
    }
}
