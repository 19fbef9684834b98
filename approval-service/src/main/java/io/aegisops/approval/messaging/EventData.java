package io.aegisops.approval.messaging;

import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.MalformedEventException;
import io.aegisops.contract.RemediationEvent;

import java.util.UUID;

/**
 * Reads and checks the data of the events this service consumes. What the handlers rely on is required here,
 * so a record without it is dead-lettered with a reason instead of failing inside a transaction.
 */
final class EventData {

    private EventData() {
    }

    static ApprovalRequest approvalRequest(CloudEvent event) {
        ApprovalRequest request = EventCodec.data(event, ApprovalRequest.class);
        if (request == null) {
            throw malformed(event, "has no data");
        }
        uuid(event, request.requestId(), "requestId");
        incident(event, request.incidentId());
        if (request.proposedAction() == null) {
            throw malformed(event, "has no proposedAction");
        }
        if (!(request.confidence() >= 0 && request.confidence() <= 1)) {
            throw malformed(event, "has confidence " + request.confidence() + ", not between 0 and 1");
        }
        return request;
    }

    static AlertEvent alertEvent(CloudEvent event) {
        AlertEvent data = EventCodec.data(event, AlertEvent.class);
        if (data == null || data.incident() == null || data.alert() == null) {
            throw malformed(event, "needs both 'incident' and 'alert'");
        }
        incident(event, data.incident().id());
        return data;
    }

    static Diagnosis diagnosis(CloudEvent event) {
        Diagnosis diagnosis = EventCodec.data(event, Diagnosis.class);
        if (diagnosis == null) {
            throw malformed(event, "has no data");
        }
        incident(event, diagnosis.incidentId());
        if (diagnosis.action() == null) {
            throw malformed(event, "has no action");
        }
        return diagnosis;
    }

    static RemediationEvent remediation(CloudEvent event) {
        RemediationEvent step = EventCodec.data(event, RemediationEvent.class);
        if (step == null) {
            throw malformed(event, "has no data");
        }
        incident(event, step.incidentId());
        if (step.stage() == null) {
            throw malformed(event, "has no stage");
        }
        return step;
    }

    private static void incident(CloudEvent event, String incidentId) {
        uuid(event, incidentId, "incident id");
        if (event.incidentid() != null && !event.incidentid().equals(incidentId)) {
            throw malformed(event, "is keyed to incident " + event.incidentid() + " but carries incident " + incidentId);
        }
    }

    private static void uuid(CloudEvent event, String value, String what) {
        try {
            UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw malformed(event, "has " + what + " '" + value + "', not a UUID");
        }
    }

    private static MalformedEventException malformed(CloudEvent event, String problem) {
        return new MalformedEventException("event " + event.id() + " of type " + event.type() + " " + problem);
    }
}
