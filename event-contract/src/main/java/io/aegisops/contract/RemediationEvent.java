package io.aegisops.contract;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Data of {@link EventTypes#REMEDIATION_STAGE} on {@link Topics#REMEDIATIONS}: one step of one remediation.
 *
 * @param remediationId the remediation (one per incident decision)
 * @param incidentId    the incident
 * @param diagnosisId   the diagnosis it acts on
 * @param target        the incident's target
 * @param container     the container acted on, when known
 * @param action        the action decided or taken
 * @param stage         which step this is
 * @param actor         who or what caused the step ({@code remediation-service (policy)}, a person's name…)
 * @param reason        why, in words for the timeline
 * @param at            when the step happened
 * @param details       step data, e.g. startedAtBefore/After, budget used/left, attempts, durations in ms
 */
public record RemediationEvent(
        String remediationId,
        String incidentId,
        String diagnosisId,
        String target,
        String container,
        Action action,
        RemediationStage stage,
        String actor,
        String reason,
        OffsetDateTime at,
        Map<String, Object> details) {
}
