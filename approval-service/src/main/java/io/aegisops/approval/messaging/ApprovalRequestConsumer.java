package io.aegisops.approval.messaging;

import io.aegisops.approval.service.ApprovalService;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads aegis.approvals for the requests remediation-service sends. The decisions on the same topic are this
 * service's own and are skipped. Each request is stored once (inbox, and its id is the approval's key); a
 * record that cannot be read goes to dead-letter-topic-approvals-in.
 */
@ApplicationScoped
public class ApprovalRequestConsumer {

    static final String CONSUMER = "approval-service.approvals";

    private final Inbox inbox;
    private final ApprovalService approvals;

    public ApprovalRequestConsumer(Inbox inbox, ApprovalService approvals) {
        this.inbox = inbox;
        this.approvals = approvals;
    }

    @Incoming("approvals-in")
    @Blocking
    public void on(String payload) {
        CloudEvent event = EventCodec.decode(payload);
        if (EventTypes.APPROVAL_REQUESTED.equals(event.type())) {
            ApprovalRequest request = EventData.approvalRequest(event);
            inbox.once(CONSUMER, event, e -> approvals.requested(request, e.time()));
        }
    }
}
