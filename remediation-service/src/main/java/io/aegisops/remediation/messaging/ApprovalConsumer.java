package io.aegisops.remediation.messaging;

import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.kit.inbox.Inbox;
import io.aegisops.kit.signing.ClaimedDecision;
import io.aegisops.kit.signing.SignatureVerifier;
import io.aegisops.remediation.service.ApprovalService;
import io.aegisops.remediation.service.RefusedDecisions;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Reads decisions from aegis.approvals. The topic also carries our own approval requests, which are skipped here:
 * they were recorded when they were published. A decision counts only when approval-service signed it; any other is
 * recorded as refused and changes nothing.
 */
@ApplicationScoped
public class ApprovalConsumer {

    static final String CONSUMER = "remediation-service.approvals";
    /**
     * Refusals are claimed under a consumer name of their own: a forged event that borrows the id of a genuine
     * decision not yet consumed must not use up that id, or the genuine one would be skipped as a redelivery.
     */
    static final String REFUSALS = "remediation-service.refused-decisions";
    private static final Logger LOG = Logger.getLogger(ApprovalConsumer.class);

    private final Inbox inbox;
    private final ApprovalService approvals;
    private final SignatureVerifier signatures;
    private final RefusedDecisions refused;

    public ApprovalConsumer(Inbox inbox, ApprovalService approvals, SignatureVerifier signatures,
                            RefusedDecisions refused) {
        this.inbox = inbox;
        this.approvals = approvals;
        this.signatures = signatures;
        this.refused = refused;
        signatures.checkKey();
    }

    @Incoming("approvals")
    @Blocking
    public void on(String payload) {
        CloudEvent event = EventCodec.decode(payload);
        if (!EventTypes.APPROVAL_DECIDED.equals(event.type())) {
            LOG.debugf("Skipping event %s of type %s", event.id(), event.type());
            return;
        }
        Optional<String> forged = signatures.problem(event);
        if (forged.isPresent()) {
            inbox.once(REFUSALS, event, e -> refused.record(e, ClaimedDecision.of(e), forged.get()));
            return;
        }
        ApprovalDecision decision = EventValidation.decision(event, EventCodec.data(event, ApprovalDecision.class));
        inbox.once(CONSUMER, event, e -> approvals.onDecision(decision));
    }
}
