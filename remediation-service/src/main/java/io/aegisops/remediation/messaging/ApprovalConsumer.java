package io.aegisops.remediation.messaging;

import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.kit.inbox.Inbox;
import io.aegisops.remediation.service.ApprovalService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads decisions from aegis.approvals. The topic also carries our own approval requests, which are skipped here:
 * they were recorded when they were published.
 */
@ApplicationScoped
public class ApprovalConsumer {

    static final String CONSUMER = "remediation-service.approvals";
    private static final Logger LOG = Logger.getLogger(ApprovalConsumer.class);

    private final Inbox inbox;
    private final ApprovalService approvals;

    public ApprovalConsumer(Inbox inbox, ApprovalService approvals) {
        this.inbox = inbox;
        this.approvals = approvals;
    }

    @Incoming("approvals")
    @Blocking
    public void on(String payload) {
        CloudEvent event = EventCodec.decode(payload);
        if (!EventTypes.APPROVAL_DECIDED.equals(event.type())) {
            LOG.debugf("Skipping event %s of type %s", event.id(), event.type());
            return;
        }
        ApprovalDecision decision = EventValidation.decision(event, EventCodec.data(event, ApprovalDecision.class));
        inbox.once(CONSUMER, event, e -> approvals.onDecision(decision));
    }
}
