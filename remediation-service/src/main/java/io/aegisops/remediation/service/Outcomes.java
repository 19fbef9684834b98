package io.aegisops.remediation.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.Citation;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Topics;
import io.aegisops.kit.outbox.Outbox;
import io.aegisops.remediation.config.RemediationConfig;
import io.aegisops.remediation.docker.ContainerSnapshot;
import io.aegisops.remediation.docker.TargetLabels;
import io.aegisops.remediation.domain.ApprovalRequestRecord;
import io.aegisops.remediation.domain.Remediation;
import io.aegisops.remediation.domain.RemediationState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Carries out a decision inside the caller's transaction: moves the remediation and announces the step. The intent
 * to act is the one that matters most: it is a committed row (state PENDING) plus its ACTING event before any
 * worker may run it, so whatever happens next, the action is known to be owed exactly once.
 */
@ApplicationScoped
public class Outcomes {

    public static final String POLICY = "remediation-service (policy)";

    private final StageRecorder stages;
    private final Outbox outbox;
    private final Event<IntentRecorded> intentRecorded;
    private final RemediationConfig config;
    private final RemediationMetrics metrics;

    public Outcomes(StageRecorder stages, Outbox outbox, Event<IntentRecorded> intentRecorded, RemediationConfig config,
                    RemediationMetrics metrics) {
        this.stages = stages;
        this.outbox = outbox;
        this.intentRecorded = intentRecorded;
        this.config = config;
        this.metrics = metrics;
    }

    /** Records the intent to run {@code action} on the found container; a worker runs it after commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void intend(Remediation remediation, Action action, TargetFacts facts, String actor, String reason,
                       Map<String, Object> extra) {
        ContainerSnapshot container = facts.container();
        remediation.action = action;
        remediation.containerId = container.id();
        remediation.containerName = container.name();
        remediation.stopTimeoutSeconds = (int) TargetLabels.stopTimeout(container, config.stopTimeout()).toSeconds();
        remediation.intendedAt = now();
        remediation.decidedBy = actor;
        remediation.moveTo(RemediationState.PENDING, reason);
        Map<String, Object> details = new LinkedHashMap<>(facts.details(action, true));
        details.put("phase", "intended");
        details.put("stopTimeoutSeconds", remediation.stopTimeoutSeconds);
        details.putAll(extra);
        stages.record(remediation, RemediationStage.ACTING, actor, reason, details);
        metrics.decided("act");
        intentRecorded.fire(new IntentRecorded());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void escalate(Remediation remediation, String actor, String reason, Map<String, Object> details) {
        remediation.moveTo(RemediationState.ESCALATED, reason);
        stages.record(remediation, RemediationStage.ESCALATED, actor, reason, details);
        metrics.decided("escalate");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void noAction(Remediation remediation, String reason) {
        remediation.moveTo(RemediationState.NO_ACTION, reason);
        stages.record(remediation, RemediationStage.NO_ACTION, POLICY, reason, Map.of());
        metrics.decided("no_action");
    }

    /**
     * Publishes an approval request for {@code action} and waits for the first decision about it. The diagnosis'
     * evidence and citations travel with it, so the person asked sees what the proposal rests on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestApproval(Remediation remediation, Action action, TargetFacts facts, String reason,
                                List<String> evidence, List<Citation> citations) {
        ContainerSnapshot container = facts.container();
        OffsetDateTime now = now();
        remediation.action = action;
        remediation.containerId = container.id();
        remediation.containerName = container.name();
        remediation.moveTo(RemediationState.AWAITING_APPROVAL, reason);
        if (!remediation.isPersistent()) {
            remediation.persist();
        }
        ApprovalRequestRecord request = new ApprovalRequestRecord();
        request.requestId = UUID.randomUUID();
        request.remediationId = remediation.id;
        request.incidentId = remediation.incidentId;
        request.action = action;
        request.reason = reason;
        request.requestedAt = now;
        request.persist();
        remediation.approvalRequestId = request.requestId;
        outbox.publish(Topics.APPROVALS, EventTypes.APPROVAL_REQUESTED, remediation.incidentId.toString(),
                remediation.target, new ApprovalRequest(request.requestId.toString(), remediation.incidentId.toString(),
                        remediation.id.toString(), remediation.diagnosisId, remediation.target, container.name(), action,
                        remediation.confidence, remediation.rootCause, evidence == null ? List.of() : evidence, reason,
                        now, citations));
        Map<String, Object> details = new LinkedHashMap<>(facts.details(action, false));
        details.put("approvalRequestId", request.requestId.toString());
        stages.record(remediation, RemediationStage.AWAITING_APPROVAL, POLICY, "approval needed: " + reason, details);
        metrics.decided("ask");
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
