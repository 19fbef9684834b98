package io.aegisops.diagnosis.eval;

import io.aegisops.contract.Action;

/**
 * What one engine concluded for one scenario once {@link io.aegisops.diagnosis.service.Grounding} held it to the
 * facts: the figures the eval scores, nothing else of the diagnosis.
 *
 * @param engine       the engine's name, e.g. {@code rules}
 * @param ruleId       the deciding rule, null for engines without rules or without a conclusion
 * @param family       the cause family the conclusion names ({@code families.yaml}), {@link Families#NONE} if none
 * @param action       null when the engine did not conclude
 * @param corroborated as Grounding decided
 * @param confidence   after Grounding's cap
 */
public record Outcome(String engine, String ruleId, String family, Action action, boolean corroborated,
                      double confidence) {
}
