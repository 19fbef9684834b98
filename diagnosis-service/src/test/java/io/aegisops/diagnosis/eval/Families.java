package io.aegisops.diagnosis.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code eval/families.yaml}: the cause families (one runbook each) and which family each rule's conclusion names.
 * Exists so scoring is data: a new rule gets its family here, not in the runner's code.
 *
 * @param families the runbook families; family {@code x} is {@code runbooks/x.md}
 * @param rules    rule id → family, or {@value #NONE} for rules that name no cause (the escalating catch-alls)
 */
public record Families(List<String> families, Map<String, String> rules) {

    public static final String NONE = "none";

    public Families {
        families = families == null ? List.of() : List.copyOf(families);
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    /** The family a rule's conclusion names; {@value #NONE} for a rule without one or an engine without rules. */
    public String familyOf(String ruleId) {
        return ruleId == null ? NONE : rules.getOrDefault(ruleId, NONE);
    }

    /** Problems of the file itself and against the rules in force (every rule must be mapped). */
    List<String> problems(String file, List<String> ruleIds) {
        List<String> problems = new ArrayList<>();
        if (families.isEmpty()) {
            problems.add(file + ": families: required, at least one");
        }
        if (families.contains(NONE)) {
            problems.add(file + ": families: '" + NONE + "' is reserved for rules without a family");
        }
        rules.forEach((rule, family) -> {
            if (!ruleIds.contains(rule)) {
                problems.add(file + ": rules." + rule + ": no such rule in the rules in force " + ruleIds);
            }
            if (!NONE.equals(family) && !families.contains(family)) {
                problems.add(file + ": rules." + rule + ": '" + family + "' is not one of " + families);
            }
        });
        ruleIds.stream().filter(rule -> !rules.containsKey(rule))
                .forEach(rule -> problems.add(file + ": rules: rule '" + rule + "' has no family (use "
                        + NONE + " if it names no cause)"));
        return problems;
    }
}
