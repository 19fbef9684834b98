package io.aegisops.diagnosis.rules;

import io.aegisops.contract.Action;

/**
 * One piece of operational knowledge: when an incident's alerts look like {@link #when}, the cause is
 * {@link #rootCause} and {@link #action} is the remedy, with {@link #confidence}. Rules are data (see
 * {@link RulesFile}) so operators can tune them without a release.
 *
 * @param id            stable name, reported in every diagnosis it produces and in metrics
 * @param description   for people browsing {@code GET /api/rules}
 * @param priority      the highest-priority matching rule wins; ties go to the rule listed first
 * @param when          what an alert of the incident must look like
 * @param action        the recommended action
 * @param confidence    0–1; the decision policy compares it with its thresholds
 * @param rootCause     template: {@code {name}} placeholders are filled from the matching alert's metrics and
 *                      from {@code target}, {@code service}, {@code container}, {@code alertType},
 *                      {@code alertCount}, {@code summary}
 * @param justification template, as {@code rootCause}: why the action follows from the cause
 */
public record Rule(
        String id,
        String description,
        int priority,
        Conditions when,
        Action action,
        double confidence,
        String rootCause,
        String justification) {
}
