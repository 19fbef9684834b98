package io.aegisops.remediation.service;

import io.aegisops.remediation.domain.RefusedDecision;

import java.time.OffsetDateTime;

/** A refused decision as the API shows it: what the event claimed, and why it was not applied. */
public record RefusedDecisionView(String eventId, String source, String incidentId, String requestId, String decision,
                                  String actor, String reason, OffsetDateTime receivedAt) {

    public static RefusedDecisionView of(RefusedDecision r) {
        return new RefusedDecisionView(r.eventId, r.source, r.incidentId, r.requestId, r.decision, r.actor, r.reason,
                r.receivedAt);
    }
}
