package io.aegisops.diagnosis.messaging;

import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.diagnosis.service.DiagnosisService;
import io.aegisops.diagnosis.service.LearningService;
import io.aegisops.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads aegis.approvals so that diagnoses learn from people: a request says which diagnosis a human is judging,
 * a decision is counted against that diagnosis' pattern, and a request for changes is answered with a revised
 * diagnosis. Each event is applied once (inbox); unreadable records go to dead-letter-topic-approvals-in.
 */
@ApplicationScoped
public class ApprovalConsumer {

    static final String CONSUMER = "diagnosis-service.approvals";
    private static final Logger LOG = Logger.getLogger(ApprovalConsumer.class);

    private final Inbox inbox;
    private final LearningService learning;
    private final DiagnosisService diagnoses;

    public ApprovalConsumer(Inbox inbox, LearningService learning, DiagnosisService diagnoses) {
        this.inbox = inbox;
        this.learning = learning;
        this.diagnoses = diagnoses;
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
                ApprovalDecision decision = ApprovalEvents.decision(event);
                inbox.once(CONSUMER, event, e -> diagnoses.decisionReceived(decision));
            }
            default -> LOG.debugf("Skipping event %s of type %s", event.id(), event.type());
        }
    }
}
