package io.aegisops.diagnosis.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;

import java.util.List;

/**
 * A {@link Diagnoser}'s answer, before it is numbered as a revision and published. Learning adjusts
 * {@link #confidence} between proposal and publication ({@code LearningService}); the proposal's value becomes
 * the diagnosis' {@code baseConfidence}.
 *
 * @param engine        which diagnoser concluded
 * @param ruleId        the rule that matched, for the rules engine; the cause family it named, for the model
 *                      ({@code llm}); null otherwise
 * @param rootCause     the cause in plain words
 * @param action        the recommended action
 * @param confidence    0–1
 * @param evidence      what the conclusion rests on, most relevant first
 * @param justification why the action follows from the cause
 * @param primaryAlertType the alert type that decided (the winning rule's alert): with the service and the
 *                      action it names the pattern that human decisions teach; null when the engine cannot say
 * @param factIds       the investigation's facts the engine's conclusion rests on (cited, checked to exist)
 * @param onFactsOnly   true when the conclusion rests on observed facts alone, not on an alert's claim: such a
 *                      conclusion is corroborated by construction
 */
public record ProposedDiagnosis(
        String engine,
        String ruleId,
        String rootCause,
        Action action,
        double confidence,
        List<String> evidence,
        String justification,
        AlertType primaryAlertType,
        List<String> factIds,
        boolean onFactsOnly) {

    /** For engines that cannot name a deciding alert; learning then uses the incident's latest alert type. */
    public ProposedDiagnosis(String engine, String ruleId, String rootCause, Action action, double confidence,
                             List<String> evidence, String justification) {
        this(engine, ruleId, rootCause, action, confidence, evidence, justification, null, List.of(), false);
    }

    /** For engines that cite no facts of their own (the claim's corroboration still decides). */
    public ProposedDiagnosis(String engine, String ruleId, String rootCause, Action action, double confidence,
                             List<String> evidence, String justification, AlertType primaryAlertType) {
        this(engine, ruleId, rootCause, action, confidence, evidence, justification, primaryAlertType, List.of(),
                false);
    }

    public ProposedDiagnosis {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
        evidence = List.copyOf(evidence);
        factIds = factIds == null ? List.of() : List.copyOf(factIds);
    }

    public Conclusion conclusion() {
        return new Conclusion(engine, ruleId, action);
    }
}
