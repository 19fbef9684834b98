package io.aegisops.diagnosis.similar;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.Citation;
import io.aegisops.contract.IncidentStatus;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A past incident found for a new one, with how similar it is: what a diagnosis cites and the API answers.
 *
 * @param incidentId the past incident
 * @param target     its target
 * @param service    its logical service, null when unknown
 * @param alertTypes its alert types
 * @param rootCause  its diagnosis' cause
 * @param action     what was decided for it (a human's override, else the proposal)
 * @param proposed   what its diagnosis proposed
 * @param status     how it closed: RESOLVED or REJECTED
 * @param decision   the human decision on it, null when none was recorded
 * @param decidedBy  who decided, null when unknown
 * @param outcome    in words: "fixed by RESTART, approved by alice"
 * @param closedAt   when it closed
 * @param similarity cosine similarity of its text with the new one's, rounded to 4 decimals
 */
public record SimilarIncident(String incidentId, String target, String service, List<AlertType> alertTypes,
                              String rootCause, Action action, Action proposed, IncidentStatus status,
                              ApprovalDecision.Kind decision, String decidedBy, String outcome,
                              OffsetDateTime closedAt, double similarity) {

    private static final DateTimeFormatter CLOSED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'",
            Locale.ROOT);

    static SimilarIncident of(PastIncident past, double similarity) {
        Outcome o = past.outcome();
        return new SimilarIncident(past.incidentId().toString(), past.target(), past.service(), past.alertTypes(),
                past.rootCause(), o.action(), o.proposed(), o.status(), o.decision(), o.actor(), o.summary(),
                past.closedAt(), Math.round(similarity * 10_000) / 10_000.0);
    }

    /** Citation(INCIDENT, id, "checkout: <root cause>", "RESTART: resolved, approved by alice, 2026-05-01 10:00 UTC"). */
    public Citation citation() {
        Outcome o = new Outcome(status, action, proposed, decision, decidedBy);
        return new Citation(Citation.Kind.INCIDENT, incidentId, target + ": " + rootCause,
                action + ": " + o.closing() + ", " + CLOSED_AT.format(closedAt.withOffsetSameInstant(ZoneOffset.UTC)));
    }

    /** "similar incident 1f0c2a9b on checkout (similarity 0.87): fixed by RESTART, approved by alice". */
    public String evidenceLine() {
        return "similar incident " + incidentId.substring(0, 8) + " on " + target + " (similarity "
                + String.format(Locale.ROOT, "%.2f", similarity) + "): " + outcome;
    }
}
