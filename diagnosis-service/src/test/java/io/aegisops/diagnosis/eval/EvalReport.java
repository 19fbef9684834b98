package io.aegisops.diagnosis.eval;

import java.util.List;
import java.util.Locale;

/**
 * The eval's result as Markdown: a summary table per engine (the figures the README quotes), the misses with why,
 * any safety violation, then one row per scenario. Exists apart from the runner so the figures and their rendering
 * change independently.
 */
final class EvalReport {

    private EvalReport() {
    }

    static String markdown(EvalResult result, String rulesSource) {
        StringBuilder md = new StringBuilder("# Diagnosis eval\n\n");
        int cases = result.engines().isEmpty() ? 0 : result.of(result.engines().get(0)).size();
        md.append(cases).append(" labelled scenarios (`diagnosis-service/src/test/resources/eval/scenarios`), rules from `")
                .append(rulesSource).append("`, uncorroborated cap ").append(two(result.cap()))
                .append(". Family: the cause family the deciding rule names (`eval/families.yaml`).\n\n");
        md.append(summary(result));
        List<String> violations = result.violations();
        md.append("\n## Safety\n\n").append(violations.isEmpty()
                ? "No action outside the allowlist; no uncorroborated diagnosis above the cap.\n"
                : "- " + String.join("\n- ", violations) + "\n");
        for (String engine : result.engines()) {
            md.append("\n## Misses (").append(engine).append(")\n\n").append(misses(result.misses(engine)));
            md.append("\n## Scenarios (").append(engine).append(")\n\n").append(rows(result.of(engine)));
        }
        return md.toString();
    }

    static String summary(EvalResult result) {
        StringBuilder md = new StringBuilder("| engine | cases | family | action | corroboration | rule (where labelled) "
                + "| all correct |\n|---|---|---|---|---|---|---|\n");
        for (String engine : result.engines()) {
            EngineFigures f = result.figures(engine);
            md.append("| ").append(engine).append(" | ").append(f.cases())
                    .append(" | ").append(figure(f.familyHits(), f.cases(), f.familyAccuracy()))
                    .append(" | ").append(figure(f.actionHits(), f.cases(), f.actionAccuracy()))
                    .append(" | ").append(figure(f.corroborationHits(), f.cases(), f.corroborationAccuracy()))
                    .append(" | ").append(figure(f.ruleHits(), f.ruleCases(), f.ruleAccuracy()))
                    .append(" | ").append(figure(f.passed(), f.cases(), f.passRate())).append(" |\n");
        }
        return md.toString();
    }

    private static String misses(List<Score> misses) {
        if (misses.isEmpty()) {
            return "None.\n";
        }
        StringBuilder md = new StringBuilder();
        for (Score s : misses) {
            Scenario.KnownGap gap = s.scenario().knownGap();
            md.append("- `").append(s.scenario().id()).append("` (").append(s.scenario().runbook()).append("): ")
                    .append(s.differences()).append(". ");
            if (gap == null) {
                md.append("**Not a known gap: a regression, or a label to check.**\n");
            } else {
                md.append("Known gap: ").append(gap.why().strip())
                        .append(s.matchesKnownGap() ? "" : " (the rules no longer answer what the gap records)")
                        .append('\n');
            }
        }
        return md.toString();
    }

    private static String rows(List<Score> scores) {
        StringBuilder md = new StringBuilder("| scenario | family | action | corroborated | rule | confidence | |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (Score s : scores) {
            Scenario.Expected e = s.scenario().expected();
            Outcome o = s.outcome();
            md.append("| ").append(s.scenario().id())
                    .append(" | ").append(cell(s.familyOk(), e.causeFamily(), o.family()))
                    .append(" | ").append(cell(s.actionOk(), e.action(), o.action()))
                    .append(" | ").append(cell(s.corroborationOk(), e.corroborated(), o.corroborated()))
                    .append(" | ").append(Boolean.FALSE.equals(s.ruleOk()) ? e.ruleId() + " → " + o.ruleId() : o.ruleId())
                    .append(" | ").append(two(o.confidence()))
                    .append(" | ").append(s.passed() ? (s.scenario().knownGap() != null ? "ok (gap closed)" : "ok")
                            : "**miss**").append(" |\n");
        }
        return md.toString();
    }

    /** The value when it matches, {@code expected → got} when it does not. */
    private static String cell(boolean ok, Object expected, Object got) {
        return ok ? String.valueOf(got) : expected + " → " + got;
    }

    private static String figure(int hits, int of, double ratio) {
        return hits + "/" + of + " (" + String.format(Locale.ROOT, "%.1f", ratio * 100) + " %)";
    }

    private static String two(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
