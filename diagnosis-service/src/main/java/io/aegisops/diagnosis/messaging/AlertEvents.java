package io.aegisops.diagnosis.messaging;

import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.MalformedEventException;

import java.util.UUID;

/**
 * Reads and checks the data of aegis.alerts events. Whatever the diagnosis needs is required here, so a
 * record that lacks it is dead-lettered with a reason instead of failing deep inside a transaction.
 */
final class AlertEvents {

    private AlertEvents() {
    }

    static AlertEvent alertEvent(CloudEvent event) {
        AlertEvent data = EventCodec.data(event, AlertEvent.class);
        if (data == null || data.incident() == null || data.alert() == null) {
            throw malformed(event, "needs both 'incident' and 'alert'");
        }
        requireIncident(event, data.incident());
        if (data.alert().id() == null || data.alert().id().isBlank()) {
            throw malformed(event, "has an alert without an id");
        }
        if (data.alert().type() == null) {
            throw malformed(event, "has an alert without a type");
        }
        return data;
    }

    static IncidentView incident(CloudEvent event) {
        IncidentView incident = EventCodec.data(event, IncidentView.class);
        if (incident == null) {
            throw malformed(event, "has no incident");
        }
        requireIncident(event, incident);
        return incident;
    }

    private static void requireIncident(CloudEvent event, IncidentView incident) {
        try {
            UUID.fromString(String.valueOf(incident.id()));
        } catch (IllegalArgumentException e) {
            throw malformed(event, "has incident id '" + incident.id() + "', not a UUID");
        }
        if (event.incidentid() != null && !event.incidentid().equals(incident.id())) {
            throw malformed(event, "is keyed to incident " + event.incidentid() + " but carries incident "
                    + incident.id());
        }
        if (incident.status() == null) {
            throw malformed(event, "has an incident without a status");
        }
    }

    private static MalformedEventException malformed(CloudEvent event, String problem) {
        return new MalformedEventException("event " + event.id() + " of type " + event.type() + " " + problem);
    }
}
