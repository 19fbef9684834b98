package io.aegisops.remediation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.RemediationEvent;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Topics;
import io.aegisops.kit.outbox.Outbox;
import io.aegisops.remediation.domain.Remediation;
import io.aegisops.remediation.domain.RemediationStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Announces a step of a remediation: one {@link RemediationEvent} through the outbox and the same step in the
 * history table, both in the caller's transaction with the state change they describe. Every event carries the
 * remediation's timings as epoch milliseconds ({@code decidedAt}, {@code actionStartedAt}, {@code actionEndedAt},
 * {@code verifiedAt}), so the dashboard and the MTTR benchmark read them from any stage without a second lookup.
 */
@ApplicationScoped
public class StageRecorder {

    private final Outbox outbox;

    public StageRecorder(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Remediation remediation, RemediationStage stage, String actor, String reason,
                       Map<String, Object> extra) {
        if (!remediation.isPersistent()) {
            // A first decision: the row is written together with its first step, never without one.
            remediation.persist();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", remediation.state.name());
        details.put("diagnosisRevision", remediation.diagnosisRevision);
        details.put("confidence", remediation.confidence);
        putMillis(details, "decidedAt", remediation.decidedAt);
        putMillis(details, "intendedAt", remediation.intendedAt);
        putMillis(details, "actionStartedAt", remediation.actionStartedAt);
        putMillis(details, "actionEndedAt", remediation.actionEndedAt);
        putMillis(details, "verifiedAt", remediation.verifiedAt);
        if (remediation.containerId != null) {
            details.put("containerId", remediation.containerId);
        }
        if (remediation.startedAtBefore != null) {
            details.put("startedAtBefore", remediation.startedAtBefore);
        }
        if (remediation.startedAtAfter != null) {
            details.put("startedAtAfter", remediation.startedAtAfter);
        }
        if (remediation.approvalRequestId != null) {
            details.put("approvalRequestId", remediation.approvalRequestId.toString());
        }
        details.putAll(extra);

        RemediationEvent data = new RemediationEvent(remediation.id.toString(), remediation.incidentId.toString(),
                remediation.diagnosisId, remediation.target, remediation.containerName,
                remediation.action != null ? remediation.action : remediation.proposedAction, stage, actor, reason, now,
                details);
        CloudEvent event = outbox.publish(Topics.REMEDIATIONS, EventTypes.REMEDIATION_STAGE,
                remediation.incidentId.toString(), remediation.target, data);

        RemediationStep step = new RemediationStep();
        step.remediationId = remediation.id;
        step.stage = stage;
        step.actor = actor;
        step.reason = reason;
        step.at = now;
        step.details = json(details);
        step.eventId = UUID.fromString(event.id());
        step.persist();
    }

    private static void putMillis(Map<String, Object> details, String key, OffsetDateTime at) {
        if (at != null) {
            details.put(key, at.toInstant().toEpochMilli());
        }
    }

    private static String json(Map<String, Object> details) {
        try {
            return EventCodec.mapper().writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("step details cannot be serialised: " + e.getMessage(), e);
        }
    }
}
