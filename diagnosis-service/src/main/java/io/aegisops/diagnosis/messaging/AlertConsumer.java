package io.aegisops.diagnosis.messaging;

import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.Investigation;
import io.aegisops.diagnosis.llm.ModelAdvisor;
import io.aegisops.diagnosis.service.DiagnosisService;
import io.aegisops.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads aegis.alerts: alerts that open or join incidents are recorded and, with the investigations of their
 * targets, diagnosed (a configured model is consulted on each investigation first, outside any transaction);
 * status changes are followed so that closed incidents are left alone, everything else is skipped. Each event is applied once (inbox); a record
 * that cannot be read goes to the channel's dead-letter topic instead of blocking the partition.
 */
@ApplicationScoped
public class AlertConsumer {

    static final String CONSUMER = "diagnosis-service.alerts";
    private static final Logger LOG = Logger.getLogger(AlertConsumer.class);

    private final Inbox inbox;
    private final DiagnosisService diagnoses;
    private final ModelAdvisor models;

    public AlertConsumer(Inbox inbox, DiagnosisService diagnoses, ModelAdvisor models) {
        this.inbox = inbox;
        this.diagnoses = diagnoses;
        this.models = models;
    }

    @Incoming("alerts-in")
    @Blocking
    public void on(String payload) {
        CloudEvent event = EventCodec.decode(payload);
        switch (event.type()) {
            case EventTypes.INCIDENT_OPENED, EventTypes.ALERT_JOINED -> {
                AlertEvent data = AlertEvents.alertEvent(event);
                inbox.once(CONSUMER, event, e -> diagnoses.alertReceived(data));
            }
            case EventTypes.INVESTIGATION_COMPLETED -> {
                Investigation investigation = AlertEvents.investigation(event);
                models.consult(investigation); // before the transaction: a model call holds no connection or lock
                inbox.once(CONSUMER, event, e -> diagnoses.investigationCompleted(investigation));
            }
            case EventTypes.INCIDENT_STATUS_CHANGED -> {
                IncidentView incident = AlertEvents.incident(event);
                inbox.once(CONSUMER, event, e -> diagnoses.statusChanged(incident));
            }
            default -> LOG.debugf("Skipping event %s of type %s", event.id(), event.type());
        }
    }
}
