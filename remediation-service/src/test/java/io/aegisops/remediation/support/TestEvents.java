package io.aegisops.remediation.support;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.Citation;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.testsupport.SignedEvents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Events as diagnosis-service and approval-service publish them. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A diagnosis whose claim the investigation corroborated, as for a real fault. */
    public static Diagnosis diagnosis(String incidentId, int revision, String target, String container, Action action,
                                      double confidence) {
        return diagnosis(incidentId, revision, target, container, action, confidence, true);
    }

    public static Diagnosis diagnosis(String incidentId, int revision, String target, String container, Action action,
                                      double confidence, boolean corroborated) {
        return diagnosis(incidentId, revision, target, container, action, confidence, corroborated, List.of());
    }

    public static Diagnosis diagnosis(String incidentId, int revision, String target, String container, Action action,
                                      double confidence, boolean corroborated, List<Citation> citations) {
        return new Diagnosis(UUID.randomUUID().toString(), incidentId, revision, target, target, container,
                List.of(AlertType.CRASH), "the process died", action, confidence, confidence,
                List.of("exit code 3"), "a restart brings it back", "rules", "crash-restart",
                OffsetDateTime.now(ZoneOffset.UTC), corroborated, UUID.randomUUID().toString(), citations);
    }

    public static CloudEvent diagnosisEvent(Diagnosis diagnosis) {
        return EventCodec.create("/aegisops/diagnosis-service", EventTypes.DIAGNOSIS_PROPOSED, diagnosis.incidentId(),
                diagnosis.target(), diagnosis);
    }

    public static CloudEvent decisionEvent(String requestId, String incidentId, ApprovalDecision.Kind kind, Action action,
                                           String actor, String reason) {
        ApprovalDecision decision = new ApprovalDecision(requestId, incidentId, kind, action, actor, reason,
                kind == ApprovalDecision.Kind.REQUEST_CHANGES ? reason : null, OffsetDateTime.now(ZoneOffset.UTC));
        return SignedEvents.sign(EventCodec.create("/aegisops/approval-service", EventTypes.APPROVAL_DECIDED, incidentId,
                null, decision));
    }

    public static String newIncident() {
        return UUID.randomUUID().toString();
    }
}
