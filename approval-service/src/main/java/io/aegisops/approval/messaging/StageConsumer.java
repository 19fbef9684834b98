package io.aegisops.approval.messaging;

import io.aegisops.approval.slack.Notifier;
import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.RemediationEvent;
import io.aegisops.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows an incident through the pipeline so people hear about each stage: opened (not every joined alert,
 * that would be a storm), diagnosed, and the remediation's steps. It only queues notifications, once per event
 * (inbox); Slack is never called from here, so Slack trouble cannot hold up these topics.
 */
@ApplicationScoped
public class StageConsumer {

    static final String CONSUMER = "approval-service.stages";

    private final Inbox inbox;
    private final Notifier notifier;

    public StageConsumer(Inbox inbox, Notifier notifier) {
        this.inbox = inbox;
        this.notifier = notifier;
    }

    @Incoming("alerts-in")
    @Blocking
    public void onAlert(String payload) {
        CloudEvent event = EventCodec.decode(payload);
        if (EventTypes.INCIDENT_OPENED.equals(event.type())) {
            AlertEvent opened = EventData.alertEvent(event);
            inbox.once(CONSUMER, event, e -> notifier.incidentOpened(opened, e.time()));
        }
    }

    @Incoming("diagnoses-in")
    @Blocking
    public void onDiagnosis(String payload) {
        CloudEvent event = EventCodec.decode(payload);
        if (EventTypes.DIAGNOSIS_PROPOSED.equals(event.type())) {
            Diagnosis diagnosis = EventData.diagnosis(event);
            inbox.once(CONSUMER, event, e -> notifier.diagnosed(diagnosis, e.time()));
        }
    }

    @Incoming("remediations-in")
    @Blocking
    public void onRemediation(String payload) {
        CloudEvent event = EventCodec.decode(payload);
        if (EventTypes.REMEDIATION_STAGE.equals(event.type())) {
            RemediationEvent step = EventData.remediation(event);
            inbox.once(CONSUMER, event, e -> notifier.remediationStep(step, e.time()));
        }
    }
}
