package io.aegisops.diagnosis.messaging;

import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.MalformedEventException;

import java.util.UUID;

/**
 * Reads and checks the data of aegis.approvals events. What learning relies on (request and incident ids, the
 * decision) is required here, so a record without it is dead-lettered with a reason.
 */
final class ApprovalEvents {

    private ApprovalEvents() {
    }

    static ApprovalRequest request(CloudEvent event) {
        ApprovalRequest request = EventCodec.data(event, ApprovalRequest.class);
        if (request == null) {
            throw malformed(event, "has no data");
        }
        uuid(event, request.requestId(), "requestId");
        uuid(event, request.incidentId(), "incidentId");
        return request;
    }

    static ApprovalDecision decision(CloudEvent event) {
        ApprovalDecision decision = EventCodec.data(event, ApprovalDecision.class);
        if (decision == null) {
            throw malformed(event, "has no data");
        }
        uuid(event, decision.requestId(), "requestId");
        uuid(event, decision.incidentId(), "incidentId");
        if (decision.decision() == null) {
            throw malformed(event, "has no decision");
        }
        return decision;
    }

    private static void uuid(CloudEvent event, String value, String field) {
        try {
            UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw malformed(event, "has " + field + " '" + value + "', not a UUID");
        }
    }

    private static MalformedEventException malformed(CloudEvent event, String problem) {
        return new MalformedEventException("event " + event.id() + " of type " + event.type() + " " + problem);
    }
}
