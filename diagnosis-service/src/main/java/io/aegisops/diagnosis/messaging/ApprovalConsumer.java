package io.aegisops.diagnosis.messaging;

import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.diagnosis.service.DiagnosisService;
import io.aegisops.diagnosis.service.LearningService;
import io.aegisops.diagnosis.similar.PastIncidents;
import io.aegisops.kit.inbox.Inbox;
import io.aegisops.kit.signing.SignatureVerifier;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Reads aegis.approvals so that diagnoses learn from people: a request says which diagnosis a human is judging,
 * a decision is counted against that diagnosis' pattern, a request for changes is answered with a revised
 * diagnosis, and a decision on an incident already closed rewrites its past incident. Each event is applied once
 * (inbox); unreadable records go to dead-letter-topic-approvals-in. Only decisions approval-service signed are learnt
 * from: anyone else on the bus could otherwise teach the diagnoser or ask it for revisions.
 */
@ApplicationScoped
public class ApprovalConsumer {

    static final String CONSUMER = "diagnosis-service.approvals";
    private static final Logger LOG = Logger.getLogger(ApprovalConsumer.class);

    private final Inbox inbox;
    private final LearningService learning;
    private final DiagnosisService diagnoses;
    private final PastIncidents pastIncidents;
    private final SignatureVerifier signatures;

    public ApprovalConsumer(Inbox inbox, LearningService learning, DiagnosisService diagnoses,
                            PastIncidents pastIncidents, SignatureVerifier signatures) {
        this.inbox = inbox;
        this.learning = learning;
        this.diagnoses = diagnoses;
        this.pastIncidents = pastIncidents;
        this.signatures = signatures;
        signatures.checkKey();
    }

    @Incoming("approvals-in")
    @Blocking
    public void on(String payload) {
        CloudEvent event = EventCodec.decode(payload);
        switch (event.type()) {
            case EventTypes.APPROVAL_REQUESTED -> {
                ApprovalRequest request = ApprovalEvents.request(event);
                inbox.once(CONSUMER, event, e -> learning.requested(request));
            }
            case EventTypes.APPROVAL_DECIDED -> {
                Optional<String> forged = signatures.problem(event);
                if (forged.isPresent()) {
                    LOG.warnf("Decision event %s not learnt from: %s", event.id(), forged.get());
                    return;
                }
                ApprovalDecision decision = ApprovalEvents.decision(event);
                inbox.once(CONSUMER, event, e -> {
                    diagnoses.decisionReceived(decision);
                    // The incident may have closed first (its status travels on aegis.alerts): tell its outcome again.
                    pastIncidents.decisionRecorded(decision.incidentId());
                });
            }
            default -> LOG.debugf("Skipping event %s of type %s", event.id(), event.type());
        }
    }
}
