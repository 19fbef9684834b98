package io.aegisops.remediation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.EventCodec;
import io.aegisops.remediation.domain.ApprovalRequestRecord;
import io.aegisops.remediation.domain.DiagnosisRecord;
import io.aegisops.remediation.domain.Remediation;
import io.aegisops.remediation.domain.RemediationStep;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read side of remediations, kept apart from the deciding services so reads never take their locks. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RemediationQueries {

    public Optional<RemediationView> byId(UUID id) {
        return Remediation.<Remediation>findByIdOptional(id).map(RemediationQueries::view);
    }

    /** The incident's remediation (at most one: one incident, one decision). */
    public List<RemediationView> byIncident(UUID incidentId) {
        return Remediation.<Remediation>find("incidentId", incidentId).list().stream().map(RemediationQueries::view).toList();
    }

    public List<RemediationView> recent(int limit) {
        return Remediation.<Remediation>findAll(Sort.descending("decidedAt")).page(Page.ofSize(limit)).list().stream()
                .map(RemediationQueries::view).toList();
    }

    /** The newest remediation that acted (or meant to act) on the container, for the containers overview. */
    public Optional<Remediation> lastActionOn(String containerName) {
        return Remediation.<Remediation>find("containerName = ?1 and intendedAt is not null",
                Sort.descending("intendedAt"), containerName).firstResultOptional();
    }

    private static RemediationView view(Remediation r) {
        return new RemediationView(r.id.toString(), r.incidentId.toString(), r.target, r.diagnosisId,
                r.diagnosisRevision, r.proposedAction, r.action, r.confidence, r.rootCause, r.containerId,
                r.containerName, r.state, r.reason, r.decidedBy, r.decidedAt, r.intendedAt, r.actionStartedAt,
                r.actionEndedAt, r.verifiedAt, r.startedAtBefore, r.startedAtAfter,
                r.approvalRequestId == null ? null : r.approvalRequestId.toString(),
                RemediationStep.of(r.id).stream().map(s -> new RemediationView.Step(s.stage, s.actor, s.reason, s.at,
                        json(s.details), s.eventId.toString())).toList(),
                DiagnosisRecord.ofIncident(r.incidentId).stream().map(d -> new RemediationView.DiagnosisSeen(
                        d.diagnosisId, d.revision, d.action, d.confidence, d.receivedAt, d.disposition, d.note)).toList(),
                ApprovalRequestRecord.ofRemediation(r.id).stream().map(a -> new RemediationView.Approval(
                        a.requestId.toString(), a.action, a.reason, a.requestedAt, a.decision, a.decidedAction,
                        a.decidedBy, a.decisionReason, a.decidedAt)).toList());
    }

    private static JsonNode json(String text) {
        try {
            return EventCodec.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return EventCodec.mapper().getNodeFactory().textNode(text);
        }
    }
}
