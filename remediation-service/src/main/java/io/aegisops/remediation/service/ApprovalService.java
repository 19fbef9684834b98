package io.aegisops.remediation.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.RemediationStage;
import io.aegisops.remediation.domain.ApprovalRequestRecord;
import io.aegisops.remediation.domain.Remediation;
import io.aegisops.remediation.domain.RemediationState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Applies human (or timeout) decisions to waiting remediations. Only the first decision per request counts: it is
 * written onto the request row under a row lock, and any later one finds the row decided. An approved action goes
 * through the same safety checks as an automatic one, at the moment of approval.
 */
@ApplicationScoped
public class ApprovalService {

    private static final Logger LOG = Logger.getLogger(ApprovalService.class);

    private final FactGatherer facts;
    private final Outcomes outcomes;
    private final StageRecorder stages;
    private final DiagnosisService diagnoses;

    public ApprovalService(FactGatherer facts, Outcomes outcomes, StageRecorder stages, DiagnosisService diagnoses) {
        this.facts = facts;
        this.outcomes = outcomes;
        this.stages = stages;
        this.diagnoses = diagnoses;
    }

    /** Applies a validated decision in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onDecision(ApprovalDecision decision) {
        UUID requestId = UUID.fromString(decision.requestId());
        ApprovalRequestRecord request = ApprovalRequestRecord.findForUpdate(requestId).orElse(null);
        if (request == null) {
            LOG.warnf("Decision %s for unknown approval request %s ignored", decision.decision(), requestId);
            return;
        }
        if (!request.incidentId.toString().equals(decision.incidentId())) {
            LOG.warnf("Decision for request %s names incident %s but the request belongs to incident %s; ignored",
                    requestId, decision.incidentId(), request.incidentId);
            return;
        }
        if (request.isDecided()) {
            LOG.infof("Decision %s by %s for request %s ignored: %s by %s already counted", decision.decision(),
                    decision.actor(), requestId, request.decision, request.decidedBy);
            return;
        }
        String actor = actorOf(decision);
        request.decision = decision.decision();
        request.decidedAction = decision.action();
        request.decidedBy = actor;
        request.decisionReason = decision.reason() != null ? decision.reason() : decision.feedback();
        request.decidedAt = Outcomes.now();

        Remediation remediation = Remediation.findForUpdate(request.remediationId).orElseThrow();
        if (!requestId.equals(remediation.approvalRequestId) || remediation.state != RemediationState.AWAITING_APPROVAL) {
            LOG.infof("Decision for request %s recorded but not applied: remediation %s is %s (current request %s)",
                    requestId, remediation.id, remediation.state, remediation.approvalRequestId);
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("approvalRequestId", requestId.toString());
        details.put("decision", decision.decision().name());
        if (decision.decidedAt() != null) {
            details.put("approvedAt", decision.decidedAt().toInstant().toEpochMilli());
        }
        switch (decision.decision()) {
            case APPROVE -> act(remediation, remediation.action, actor, "approved by " + actor, details);
            case OVERRIDE -> override(remediation, decision.action(), actor, details);
            case REJECT -> reject(remediation, actor, decision.reason(), details);
            case EXPIRE -> outcomes.escalate(remediation, actor,
                    "approval request expired without a decision; nothing was done", details);
            case REQUEST_CHANGES -> requestChanges(remediation, actor, decision, details);
        }
    }

    private void act(Remediation remediation, Action action, String actor, String reason, Map<String, Object> details) {
        TargetFacts target = facts.forApproved(remediation.target, remediation.containerId, remediation.containerName, action);
        if (target.container() == null) {
            outcomes.escalate(remediation, actor, target.facts().safetyFailure(), withAll(details, target.details(action, false)));
            return;
        }
        if (DecisionPolicy.RESTARTS.contains(action) && target.account().spent()) {
            outcomes.escalate(remediation, actor, "restart budget " + target.account().budget().describe()
                    + " is spent; the approved " + action + " was not run", withAll(details, target.details(action, false)));
            return;
        }
        outcomes.intend(remediation, action, target, actor, reason, details);
    }

    private void override(Remediation remediation, Action substitute, String actor, Map<String, Object> details) {
        if (substitute == null || !DecisionPolicy.EXECUTABLE.contains(substitute)) {
            outcomes.escalate(remediation, actor, "override to " + substitute + " cannot be carried out: the Docker "
                    + "executor supports RESTART, STOP and START", details);
            return;
        }
        details.put("overriddenAction", String.valueOf(remediation.action));
        act(remediation, substitute, actor, "overridden by " + actor + ": " + remediation.action + " replaced by "
                + substitute, details);
    }

    private void reject(Remediation remediation, String actor, String why, Map<String, Object> details) {
        String reason = "rejected by " + actor + (why == null || why.isBlank() ? "" : ": " + why)
                + "; the container was not touched";
        remediation.moveTo(RemediationState.REJECTED, reason);
        stages.record(remediation, RemediationStage.REJECTED, actor, reason, details);
    }

    private void requestChanges(Remediation remediation, String actor, ApprovalDecision decision,
                                Map<String, Object> details) {
        String feedback = decision.feedback() != null ? decision.feedback() : decision.reason();
        String reason = "changes requested by " + actor + (feedback == null || feedback.isBlank() ? "" : ": " + feedback)
                + "; waiting for a revised diagnosis";
        remediation.moveTo(RemediationState.CHANGES_REQUESTED, reason);
        details.put("changesRequested", true);
        if (decision.action() != null) {
            details.put("suggestedAction", decision.action().name());
        }
        stages.record(remediation, RemediationStage.AWAITING_APPROVAL, actor, reason, details);
        diagnoses.redecideWithRecordedRevision(remediation);
    }

    private static Map<String, Object> withAll(Map<String, Object> first, Map<String, Object> second) {
        Map<String, Object> all = new LinkedHashMap<>(second);
        all.putAll(first);
        return all;
    }

    private static String actorOf(ApprovalDecision decision) {
        return decision.actor() == null || decision.actor().isBlank() ? "unnamed approver" : decision.actor().trim();
    }
}
