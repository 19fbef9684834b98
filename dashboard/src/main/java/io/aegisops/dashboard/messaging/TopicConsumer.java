package io.aegisops.dashboard.messaging;

import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.dashboard.push.WarRoom;
import io.aegisops.dashboard.service.IncidentFold;
import io.aegisops.dashboard.service.ReadModel;
import io.aegisops.kit.inbox.Inbox;
import io.aegisops.kit.signing.SignatureVerifier;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Feeds every AegisOps topic into the read model and tells the open pages. Each event is applied once (inbox)
 * in the transaction that stores it; the pages hear of it only after that commit, so what they show is always
 * what a reload would show. A record that is not a CloudEvent goes to the channel's dead-letter topic. A decision
 * approval-service did not sign is not shown as one.
 */
@ApplicationScoped
public class TopicConsumer {

    static final String CONSUMER = "dashboard.read-model";
    private static final Logger LOG = Logger.getLogger(TopicConsumer.class);

    private final Inbox inbox;
    private final ReadModel readModel;
    private final WarRoom room;
    private final SignatureVerifier signatures;

    public TopicConsumer(Inbox inbox, ReadModel readModel, WarRoom room, SignatureVerifier signatures) {
        this.inbox = inbox;
        this.readModel = readModel;
        this.room = room;
        this.signatures = signatures;
        signatures.checkKey();
    }

    @Incoming("alerts-in")
    @Blocking
    public void onAlert(String payload) {
        consume(payload);
    }

    @Incoming("diagnoses-in")
    @Blocking
    public void onDiagnosis(String payload) {
        consume(payload);
    }

    @Incoming("remediations-in")
    @Blocking
    public void onRemediation(String payload) {
        consume(payload);
    }

    @Incoming("approvals-in")
    @Blocking
    public void onApproval(String payload) {
        consume(payload);
    }

    void consume(String payload) {
        CloudEvent event = EventCodec.decode(payload);
        if (!IncidentFold.TYPES.contains(event.type())) {
            return;
        }
        if (EventTypes.APPROVAL_DECIDED.equals(event.type())) {
            Optional<String> forged = signatures.problem(event);
            if (forged.isPresent()) {
                // monitor-service notes the attempt on the incident's timeline.
                LOG.warnf("Decision event %s not shown as a decision: %s", event.id(), forged.get());
                return;
            }
        }
        AtomicReference<String> changed = new AtomicReference<>();
        inbox.once(CONSUMER, event, e -> readModel.apply(e).ifPresent(changed::set));
        if (changed.get() != null) {
            try {
                room.incidentChanged(changed.get());
            } catch (RuntimeException e) {
                // Already committed: a failed push must not nack the record (pages catch up on reload).
                LOG.warnf("Incident %s changed but the pages were not told: %s", changed.get(), e.getMessage());
            }
        }
    }
}
