package io.aegisops.monitor.messaging;

import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.RemediationEvent;
import io.aegisops.kit.inbox.Inbox;
import io.aegisops.kit.signing.ClaimedDecision;
import io.aegisops.kit.signing.SignatureVerifier;
import io.aegisops.monitor.service.LifecycleRecorder;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;

/**
 * Reads the downstream topics so incidents follow their diagnosis, remediation and approvals. Each event
 * is applied once (inbox) in the same transaction as its effect; a record that is not a CloudEvent goes
 * to the channel's dead-letter topic instead of blocking the partition. A decision approval-service did not sign is
 * not mirrored as one: its incident's timeline records the attempt instead.
 */
@ApplicationScoped
public class LifecycleConsumer {

    static final String CONSUMER = "monitor-service.lifecycle";
    /** Its own claim for refusals, so a forged event borrowing a genuine decision's id cannot use that id up. */
    static final String REFUSALS = "monitor-service.refused-decisions";

    private final Inbox inbox;
    private final LifecycleRecorder recorder;
    private final SignatureVerifier signatures;

    public LifecycleConsumer(Inbox inbox, LifecycleRecorder recorder, SignatureVerifier signatures) {
        this.inbox = inbox;
        this.recorder = recorder;
        this.signatures = signatures;
        signatures.checkKey();
    }

    @Incoming("diagnoses-in")
    @Blocking
    public void onDiagnosis(String payload) {
        CloudEvent event = EventCodec.decode(payload);
        if (EventTypes.DIAGNOSIS_PROPOSED.equals(event.type())) {
            inbox.once(CONSUMER, event, e -> recorder.diagnosed(EventCodec.data(e, Diagnosis.class)));
        }
    }

    @Incoming("remediations-in")
    @Blocking
    public void onRemediation(String payload) {
        CloudEvent event = EventCodec.decode(payload);
        if (EventTypes.REMEDIATION_STAGE.equals(event.type())) {
            inbox.once(CONSUMER, event, e -> recorder.remediationStep(EventCodec.data(e, RemediationEvent.class)));
        }
    }

    @Incoming("approvals-in")
    @Blocking
    public void onApproval(String payload) {
        CloudEvent event = EventCodec.decode(payload);
        if (!EventTypes.APPROVAL_DECIDED.equals(event.type())) {
            return;
        }
        Optional<String> forged = signatures.problem(event);
        if (forged.isPresent()) {
            inbox.once(REFUSALS, event, e -> recorder.refused(e.source(), ClaimedDecision.of(e), forged.get()));
        } else {
            inbox.once(CONSUMER, event, e -> recorder.decided(EventCodec.data(e, ApprovalDecision.class)));
        }
    }
}
