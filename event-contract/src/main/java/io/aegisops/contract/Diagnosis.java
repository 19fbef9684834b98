package io.aegisops.contract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Data of {@link EventTypes#DIAGNOSIS_PROPOSED} on {@link Topics#DIAGNOSES}: why an incident happened and what
 * to do about it. A new revision is issued when the incident gets new, different evidence or a human asks for
 * changes; remediation acts on the latest revision only.
 *
 * @param id            diagnosis id (UUID), unique per revision
 * @param incidentId    the incident
 * @param revision      1 for the first diagnosis of the incident, then 2, 3…
 * @param target        the incident's target (logical service)
 * @param service       logical service when known
 * @param container     container name when known
 * @param alertTypes    the alert types the diagnosis considered
 * @param rootCause     the cause in plain words
 * @param action        the recommended action
 * @param confidence    0–1, after any learning adjustment
 * @param baseConfidence 0–1, before any learning adjustment
 * @param evidence      the evidence used (alert summaries, metrics, log lines), most relevant first
 * @param justification why this action follows from the cause
 * @param engine        which engine decided ({@code rules}, {@code llm})
 * @param ruleId        the rule that matched, for the rules engine
 * @param diagnosedAt   when the diagnosis was made
 * @param corroborated  true when the claim the diagnosis acts on is shown by facts AegisOps observed itself; an
 *                      automatic action needs it (absent in an event = false, the safe reading)
 * @param investigationId the investigation whose facts it cites, null when none was available
 * @param citations     the facts, runbook sections and past incidents it rests on
 */
public record Diagnosis(
        String id,
        String incidentId,
        int revision,
        String target,
        String service,
        String container,
        List<AlertType> alertTypes,
        String rootCause,
        Action action,
        double confidence,
        double baseConfidence,
        List<String> evidence,
        String justification,
        String engine,
        String ruleId,
        OffsetDateTime diagnosedAt,
        boolean corroborated,
        String investigationId,
        List<Citation> citations) {

    public Diagnosis {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
