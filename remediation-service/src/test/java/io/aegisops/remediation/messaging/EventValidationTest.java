package io.aegisops.remediation.messaging;

import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.MalformedEventException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad event data is refused with every problem named, so it lands on the dead-letter topic explained. */
class EventValidationTest {

    private final String incident = UUID.randomUUID().toString();

    private Diagnosis diagnosis(String incidentId, String target, Action action, double confidence, int revision) {
        return new Diagnosis(UUID.randomUUID().toString(), incidentId, revision, target, target, null, List.of(),
                "heap exhausted", action, confidence, confidence, List.of(), "restart frees the heap", "rules",
                "memory-1", OffsetDateTime.now(), true, null, List.of());
    }

    private CloudEvent envelope(String incidentId, Object data) {
        return EventCodec.create("/test", EventTypes.DIAGNOSIS_PROPOSED, incidentId, "svc", data);
    }

    @Test
    void shouldAcceptAWellFormedDiagnosis() {
        Diagnosis d = diagnosis(incident, "svc", Action.RESTART, 0.9, 1);

        assertThat(EventValidation.diagnosis(envelope(incident, d), d)).isSameAs(d);
    }

    @Test
    void shouldNameEveryProblemOfABadDiagnosis() {
        Diagnosis d = diagnosis("not-a-uuid", " ", null, 1.5, 0);

        assertThatThrownBy(() -> EventValidation.diagnosis(envelope("not-a-uuid", d), d))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("incidentId 'not-a-uuid' is not a UUID")
                .hasMessageContaining("target is required")
                .hasMessageContaining("action is required")
                .hasMessageContaining("confidence must be between 0 and 1, was 1.5")
                .hasMessageContaining("revision must be at least 1, was 0");
    }

    @Test
    void shouldRefuseADiagnosisWithNaNConfidence() {
        Diagnosis d = diagnosis(incident, "svc", Action.RESTART, Double.NaN, 1);

        assertThatThrownBy(() -> EventValidation.diagnosis(envelope(incident, d), d))
                .hasMessageContaining("confidence must be between 0 and 1");
    }

    @Test
    void shouldRefuseDataAboutAnotherIncidentThanTheEnvelope() {
        Diagnosis d = diagnosis(incident, "svc", Action.RESTART, 0.9, 1);
        String other = UUID.randomUUID().toString();

        assertThatThrownBy(() -> EventValidation.diagnosis(envelope(other, d), d))
                .hasMessageContaining("differs from the event's incidentid " + other);
    }

    @Test
    void shouldRefuseADecisionWithoutRequestOrKind() {
        ApprovalDecision d = new ApprovalDecision("", incident, null, null, "alice", null, null, null);

        assertThatThrownBy(() -> EventValidation.decision(envelope(incident, d), d))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("requestId is required")
                .hasMessageContaining("decision is required");
    }

    @Test
    void shouldAcceptADecisionWithoutAnActor() {
        ApprovalDecision d = new ApprovalDecision(UUID.randomUUID().toString(), incident, ApprovalDecision.Kind.EXPIRE,
                null, null, null, null, null);

        assertThat(EventValidation.decision(envelope(incident, d), d)).isSameAs(d);
    }
}
