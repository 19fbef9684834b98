package io.aegisops.monitor;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.Citation;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.RemediationEvent;
import io.aegisops.contract.RemediationStage;
import io.aegisops.testsupport.SignedEvents;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events diagnosis, remediation and approval would send about an incident, for tests that drive one through its
 * lifecycle. Written once so every such test speaks the same contract.
 */
public final class LifecycleEvents {

    private LifecycleEvents() {
    }

    /** A target of its own, so tests share the database without depending on each other. */
    public static String newTarget() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A corroborated RESTART diagnosis by the rules engine's {@code crash} rule. */
    public static CloudEvent diagnosis(String incidentId, String target, int revision, String rootCause,
                                       OffsetDateTime at, List<Citation> citations) {
        Diagnosis diagnosis = new Diagnosis(UUID.randomUUID().toString(), incidentId, revision, target, target, null,
                List.of(AlertType.CRASH), rootCause, Action.RESTART, 0.88, 0.9, List.of("exit 3"),
                "a restart clears a crash", "rules", "crash", at, true, null, citations);
        return EventCodec.create("/aegisops/diagnosis-service", EventTypes.DIAGNOSIS_PROPOSED, incidentId, target,
                diagnosis);
    }

    /** A RESTART step by the policy, its reason naming the stage ("ACTING for the test"). */
    public static CloudEvent step(String incidentId, String target, RemediationStage stage, OffsetDateTime at) {
        RemediationEvent event = new RemediationEvent(UUID.randomUUID().toString(), incidentId, null, target,
                target + "-1", Action.RESTART, stage, "remediation-service (policy)", stage + " for the test", at,
                Map.of());
        return EventCodec.create("/aegisops/remediation-service", EventTypes.REMEDIATION_STAGE, incidentId, target,
                event);
    }

    /** A person's decision on the incident's approval request. */
    public static CloudEvent decision(String incidentId, String target, ApprovalDecision.Kind kind, String actor,
                                      String reason, OffsetDateTime at) {
        ApprovalDecision decision = new ApprovalDecision(UUID.randomUUID().toString(), incidentId, kind, null, actor,
                reason, null, at);
        return SignedEvents.sign(EventCodec.create("/aegisops/approval-service", EventTypes.APPROVAL_DECIDED,
                incidentId, target, decision));
    }
}
