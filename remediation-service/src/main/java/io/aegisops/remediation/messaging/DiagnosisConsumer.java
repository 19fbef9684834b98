package io.aegisops.remediation.messaging;

import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.kit.inbox.Inbox;
import io.aegisops.remediation.service.DiagnosisService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads aegis.diagnoses. Only records the decision (and, when acting, the intent) and commits; the action itself
 * runs on the worker, so a slow restart never stalls the partition.
 */
@ApplicationScoped
public class DiagnosisConsumer {

    static final String CONSUMER = "remediation-service.diagnoses";
    private static final Logger LOG = Logger.getLogger(DiagnosisConsumer.class);

    private final Inbox inbox;
    private final DiagnosisService diagnoses;

    public DiagnosisConsumer(Inbox inbox, DiagnosisService diagnoses) {
        this.inbox = inbox;
        this.diagnoses = diagnoses;
    }

    @Incoming("diagnoses")
    @Blocking
    public void on(String payload) {
        CloudEvent event = EventCodec.decode(payload);
        if (!EventTypes.DIAGNOSIS_PROPOSED.equals(event.type())) {
            LOG.debugf("Skipping event %s of type %s", event.id(), event.type());
            return;
        }
        Diagnosis diagnosis = EventValidation.diagnosis(event, EventCodec.data(event, Diagnosis.class));
        inbox.once(CONSUMER, event, e -> diagnoses.onDiagnosis(diagnosis));
    }
}
