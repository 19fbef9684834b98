package io.aegisops.diagnosis.messaging;

import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.Claim;
import io.aegisops.contract.Fact;
import io.aegisops.contract.Investigation;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.MalformedEventException;

import java.util.HashSet;
import java.util.Set;
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

    /**
     * An investigation must name its incident (the record's key) and have facts with ids that are unique, so a
     * diagnosis can cite them; claims must name an alert type.
     */
    static Investigation investigation(CloudEvent event) {
        Investigation data = EventCodec.data(event, Investigation.class);
        if (data == null || data.id() == null) {
            throw malformed(event, "has no investigation id");
        }
        requireUuid(event, "investigation id", data.id());
        requireKeyedIncident(event, data.incidentId());
        Set<String> ids = new HashSet<>();
        for (Fact fact : data.facts()) {
            if (fact == null || fact.id() == null || fact.id().isBlank() || fact.name() == null) {
                throw malformed(event, "has a fact without an id or a name");
            }
            if (!ids.add(fact.id())) {
                throw malformed(event, "has two facts with id " + fact.id());
            }
        }
        for (Claim claim : data.claims()) {
            if (claim == null || claim.alertType() == null) {
                throw malformed(event, "has a claim without an alert type");
            }
        }
        return data;
    }

    /** The incident a record carries is a UUID and the one its key names, so it lands on the right case. */
    private static void requireKeyedIncident(CloudEvent event, String incidentId) {
        requireUuid(event, "incident id", incidentId);
        if (event.incidentid() != null && !event.incidentid().equals(incidentId)) {
            throw malformed(event, "is keyed to incident " + event.incidentid() + " but carries incident "
                    + incidentId);
        }
    }

    private static void requireUuid(CloudEvent event, String what, String value) {
        try {
            UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw malformed(event, "has " + what + " '" + value + "', not a UUID");
        }
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
        requireKeyedIncident(event, incident.id());
        if (incident.status() == null) {
            throw malformed(event, "has an incident without a status");
        }
    }

    private static MalformedEventException malformed(CloudEvent event, String problem) {
        return new MalformedEventException("event " + event.id() + " of type " + event.type() + " " + problem);
    }
}
