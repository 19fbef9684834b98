package io.aegisops.diagnosis.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One scenario's outcome against its labels: which of family, action, corroboration (and rule, if labelled) match. */
public record Score(Scenario scenario, Outcome outcome) {

    public boolean familyOk() {
        return scenario.expected().causeFamily().equals(outcome.family());
    }

    public boolean actionOk() {
        return scenario.expected().action() == outcome.action();
    }

    public boolean corroborationOk() {
        return scenario.expected().corroborated() == outcome.corroborated();
    }

    /** @return null when the scenario names no rule, or the engine concluded without one (a model's answer) */
    public Boolean ruleOk() {
        String expected = scenario.expected().ruleId();
        if (expected == null || outcome.ruleId() == null && outcome.action() != null) {
            return null;
        }
        return expected.equals(outcome.ruleId());
    }

    public boolean passed() {
        return familyOk() && actionOk() && corroborationOk() && !Boolean.FALSE.equals(ruleOk());
    }

    /** For a miss: what differs, e.g. {@code family bad-deploy ≠ crash-loop; action ROLLBACK ≠ RESTART}. */
    public String differences() {
        Scenario.Expected e = scenario.expected();
        List<String> parts = new ArrayList<>();
        if (!familyOk()) {
            parts.add("family " + e.causeFamily() + " ≠ " + outcome.family());
        }
        if (!actionOk()) {
            parts.add("action " + e.action() + " ≠ " + outcome.action());
        }
        if (!corroborationOk()) {
            parts.add("corroborated " + e.corroborated() + " ≠ " + outcome.corroborated());
        }
        if (Boolean.FALSE.equals(ruleOk())) {
            parts.add("rule " + e.ruleId() + " ≠ " + outcome.ruleId());
        }
        return String.join("; ", parts);
    }

    /** True when a known gap is recorded and the engine still answers exactly what it records. */
    public boolean matchesKnownGap() {
        Scenario.KnownGap gap = scenario.knownGap();
        return gap != null && (gap.ruleId() == null || gap.ruleId().equals(outcome.ruleId()))
                && (gap.action() == null || gap.action() == outcome.action())
                && (gap.corroborated() == null || Objects.equals(gap.corroborated(), outcome.corroborated()));
    }
}
