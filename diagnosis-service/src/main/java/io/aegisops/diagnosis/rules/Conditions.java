package io.aegisops.diagnosis.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;

import java.util.List;
import java.util.Locale;

/**
 * The {@code when} part of a rule: what one alert of the incident must look like for the rule to apply. All
 * conditions must hold for the same alert, so "a CRASH whose exitCode is 137" cannot be satisfied by a CRASH
 * with exit code 1 and some other alert carrying 137. No conditions at all make a catch-all.
 *
 * @param alertTypes       the alert is of one of these types (empty: any type)
 * @param metrics          every comparison holds for the alert's metrics
 * @param evidenceContains every text occurs, ignoring case, in the alert's summary or one of its evidence lines
 * @param facts            every comparison holds for the facts AegisOps observed itself (the investigation's values
 *                         by {@link io.aegisops.contract.FactNames name}, e.g. {@code oomKilled == true}); a rule
 *                         with fact conditions never matches an incident that has no investigation
 */
public record Conditions(List<AlertType> alertTypes, List<MetricCondition> metrics, List<String> evidenceContains,
                         List<MetricCondition> facts) {

    public static final Conditions ALWAYS = new Conditions(List.of(), List.of(), List.of(), List.of());

    public Conditions {
        alertTypes = List.copyOf(alertTypes);
        metrics = List.copyOf(metrics);
        evidenceContains = List.copyOf(evidenceContains);
        facts = List.copyOf(facts);
    }

    /** Conditions on alerts alone. */
    public Conditions(List<AlertType> alertTypes, List<MetricCondition> metrics, List<String> evidenceContains) {
        this(alertTypes, metrics, evidenceContains, List.of());
    }

    /** A rule without conditions concludes for any incident, even one whose alerts match nothing else. */
    public boolean isCatchAll() {
        return alertTypes.isEmpty() && metrics.isEmpty() && evidenceContains.isEmpty() && facts.isEmpty();
    }

    /** True when what the rule concludes rests on observed facts alone, not on what an alert claims. */
    public boolean onFactsOnly() {
        return !facts.isEmpty() && alertTypes.isEmpty() && metrics.isEmpty() && evidenceContains.isEmpty();
    }

    /** For alert-only conditions; fact conditions fail without facts. */
    public boolean matches(AlertView alert) {
        return matches(alert, null);
    }

    /**
     * @param observed the investigation's fact values by name (an object node), null when there is no investigation
     */
    public boolean matches(AlertView alert, JsonNode observed) {
        if (!facts.isEmpty() && (observed == null || !facts.stream().allMatch(condition -> condition.test(observed)))) {
            return false;
        }
        if (!alertTypes.isEmpty() && !alertTypes.contains(alert.type())) {
            return false;
        }
        if (!metrics.stream().allMatch(condition -> condition.test(alert.metrics()))) {
            return false;
        }
        return evidenceContains.stream().allMatch(text -> mentions(alert, text.toLowerCase(Locale.ROOT)));
    }

    private static boolean mentions(AlertView alert, String lowerCaseText) {
        if (alert.summary() != null && alert.summary().toLowerCase(Locale.ROOT).contains(lowerCaseText)) {
            return true;
        }
        return alert.evidence() != null && alert.evidence().stream()
                .anyMatch(line -> line != null && line.toLowerCase(Locale.ROOT).contains(lowerCaseText));
    }
}
