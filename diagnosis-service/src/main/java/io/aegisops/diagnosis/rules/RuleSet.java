package io.aegisops.diagnosis.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.AlertView;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rules in force, in evaluation order (highest priority first, file order among equals). Picking the
 * winner is generic: no alert type is special-cased in code, so changing what the engine knows is a change
 * to the rules file only.
 *
 * @param source where the rules were read from, e.g. {@code classpath:diagnosis-rules.yaml}
 * @param rules  in evaluation order
 */
public record RuleSet(String source, List<Rule> rules) {

    /** Sorts stably, so rules of equal priority keep the order the file gives them. */
    public RuleSet {
        rules = rules.stream().sorted(Comparator.comparingInt(Rule::priority).reversed()).toList();
    }

    /**
     * The highest-priority rule that one of the alerts satisfies. Among several alerts satisfying it, the
     * latest wins, so templates show the freshest figures. Resolved alerts are no evidence of a fault.
     *
     * @param alerts the incident's alerts, oldest first
     */
    public Optional<RuleMatch> bestMatch(List<AlertView> alerts) {
        return bestMatch(alerts, null);
    }

    /**
     * As {@link #bestMatch(List)}, with the facts of the incident's investigation for rules that test facts.
     *
     * @param observed fact values by name (an object node), null when there is no investigation
     */
    public Optional<RuleMatch> bestMatch(List<AlertView> alerts, JsonNode observed) {
        List<AlertView> firing = alerts.stream().filter(alert -> !"resolved".equalsIgnoreCase(alert.status())).toList();
        for (Rule rule : rules) {
            Optional<AlertView> latest = latestMatching(rule, firing, observed);
            if (latest.isPresent()) {
                return Optional.of(new RuleMatch(rule, latest));
            }
            if (rule.when().isCatchAll()) {
                return Optional.of(new RuleMatch(rule, alerts.isEmpty() ? Optional.empty()
                        : Optional.of(alerts.get(alerts.size() - 1))));
            }
        }
        return Optional.empty();
    }

    public Optional<Rule> find(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    private static Optional<AlertView> latestMatching(Rule rule, List<AlertView> alerts, JsonNode observed) {
        for (int i = alerts.size() - 1; i >= 0; i--) {
            if (rule.when().matches(alerts.get(i), observed)) {
                return Optional.of(alerts.get(i));
            }
        }
        return Optional.empty();
    }
}
