package io.aegisops.diagnosis.eval;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.FactNames;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What binding cannot check about a scenario: required fields, fact names from the contract, claims that cite facts
 * that exist and cover every alert type (as monitor-service's corroborator does), labels from the families file.
 * Exists apart from loading so every problem of every file is reported in one run.
 */
final class ScenarioCheck {

    static final List<String> FACT_SOURCES = List.of("engine.inspect", "engine.logs", "engine.stats", "health.probe");
    static final Set<String> FACT_NAMES = factNames();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    private final Families families;
    private final List<String> ruleIds;
    private final Set<String> runbooks;

    /**
     * @param ruleIds  the rules in force, for {@code expected.ruleId}
     * @param runbooks the runbook file names that exist
     */
    ScenarioCheck(Families families, List<String> ruleIds, Set<String> runbooks) {
        this.families = families;
        this.ruleIds = ruleIds;
        this.runbooks = runbooks;
    }

    List<String> problems(String file, Scenario s) {
        List<String> problems = new ArrayList<>();
        Consumer<String> problem = text -> problems.add(file + ": " + text);
        if (s.id() == null || !ID.matcher(s.id()).matches()) {
            problem.accept("id: required, [a-z0-9-], got " + s.id());
        } else if (!file.endsWith("/" + s.id() + ".yaml") && !file.equals(s.id() + ".yaml")) {
            problem.accept("id: '" + s.id() + "' must equal the file name");
        }
        blank(s.description(), "description", problem);
        if (s.runbook() == null || !runbooks.contains(s.runbook())) {
            problem.accept("runbook: '" + s.runbook() + "' is not one of " + runbooks);
        }
        alerts(s, problem);
        facts(s, problem);
        claims(s, problem);
        expected(s, problem);
        return problems;
    }

    private static void alerts(Scenario s, Consumer<String> problem) {
        if (s.alerts() == null || s.alerts().isEmpty()) {
            problem.accept("alerts: required, at least one");
            return;
        }
        for (int i = 0; i < s.alerts().size(); i++) {
            Scenario.AlertSpec a = s.alerts().get(i);
            String at = "alerts[" + i + "].";
            if (a == null) {
                problem.accept("alerts[" + i + "]: empty");
                continue;
            }
            required(a.type(), at + "type", problem);
            required(a.source(), at + "source", problem);
            blank(a.summary(), at + "summary", problem);
            if (a.metrics() != null && !a.metrics().isObject()) {
                problem.accept(at + "metrics: must be a map of name: value");
            }
            if (a.status() != null && !Set.of("firing", "resolved").contains(a.status())) {
                problem.accept(at + "status: must be firing or resolved, got " + a.status());
            }
        }
    }

    private static void facts(Scenario s, Consumer<String> problem) {
        for (int i = 0; i < s.facts().size(); i++) {
            Scenario.FactSpec f = s.facts().get(i);
            String at = "facts[" + i + "] (F" + (i + 1) + ").";
            if (f == null) {
                problem.accept("facts[" + i + "]: empty");
                continue;
            }
            if (!FACT_NAMES.contains(f.name())) {
                problem.accept(at + "name: '" + f.name() + "' is not one of " + FACT_NAMES);
            }
            if (!FACT_SOURCES.contains(f.source())) {
                problem.accept(at + "source: '" + f.source() + "' is not one of " + FACT_SOURCES);
            }
            if (f.value() == null || f.value().isNull()) {
                problem.accept(at + "value: required");
            }
            blank(f.summary(), at + "summary", problem);
        }
    }

    private static void claims(Scenario s, Consumer<String> problem) {
        if (!s.investigated() || s.alerts() == null) {
            return;
        }
        Set<AlertType> types = new LinkedHashSet<>();
        s.alerts().stream().filter(a -> a != null && a.type() != null).forEach(a -> types.add(a.type()));
        Set<AlertType> claimed = new LinkedHashSet<>();
        for (int i = 0; i < s.claims().size(); i++) {
            Scenario.ClaimSpec c = s.claims().get(i);
            String at = "claims[" + i + "].";
            if (c == null) {
                problem.accept("claims[" + i + "]: empty");
                continue;
            }
            if (c.alertType() == null || !types.contains(c.alertType())) {
                problem.accept(at + "alertType: '" + c.alertType() + "' is not a type of the alerts " + types);
            } else if (!claimed.add(c.alertType())) {
                problem.accept(at + "alertType: a second claim for " + c.alertType());
            }
            required(c.corroborated(), at + "corroborated", problem);
            blank(c.reason(), at + "reason", problem);
            for (String id : c.factIds() == null ? List.<String>of() : c.factIds()) {
                if (!id.matches("F[1-9][0-9]*") || Integer.parseInt(id.substring(1)) > s.facts().size()) {
                    problem.accept(at + "factIds: '" + id + "' is not a fact (F1..F" + s.facts().size() + ")");
                }
            }
        }
        types.stream().filter(type -> !claimed.contains(type))
                .forEach(type -> problem.accept("claims: no claim for alert type " + type
                        + " (monitor-service makes one per type)"));
    }

    private void expected(Scenario s, Consumer<String> problem) {
        Scenario.Expected e = s.expected();
        if (e == null) {
            problem.accept("expected: required");
            return;
        }
        if (!families.families().contains(e.causeFamily())) {
            problem.accept("expected.causeFamily: '" + e.causeFamily() + "' is not one of " + families.families());
        } else if (!(e.causeFamily() + ".md").equals(s.runbook())) {
            problem.accept("runbook: '" + s.runbook() + "' is not the runbook of expected.causeFamily "
                    + e.causeFamily() + " (" + e.causeFamily() + ".md)");
        }
        required(e.action(), "expected.action", problem);
        required(e.corroborated(), "expected.corroborated", problem);
        if (e.ruleId() != null && !ruleIds.contains(e.ruleId())) {
            problem.accept("expected.ruleId: '" + e.ruleId() + "' is not a rule in force " + ruleIds);
        }
        Scenario.KnownGap gap = s.knownGap();
        if (gap != null) {
            blank(gap.why(), "knownGap.why", problem);
            if (gap.ruleId() != null && !ruleIds.contains(gap.ruleId())) {
                problem.accept("knownGap.ruleId: '" + gap.ruleId() + "' is not a rule in force " + ruleIds);
            }
        }
    }

    private static void required(Object value, String field, Consumer<String> problem) {
        if (value == null) {
            problem.accept(field + ": required");
        }
    }

    private static void blank(String value, String field, Consumer<String> problem) {
        if (value == null || value.isBlank()) {
            problem.accept(field + ": required, not blank");
        }
    }

    /** The contract's fact names, read from {@link FactNames} so a new name needs no change here. */
    private static Set<String> factNames() {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(FactNames.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .forEach(f -> names.add(value(f)));
        return Collections.unmodifiableSet(names);
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
