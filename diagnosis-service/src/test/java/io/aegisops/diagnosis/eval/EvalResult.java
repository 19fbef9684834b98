package io.aegisops.diagnosis.eval;

import java.util.List;

/**
 * Every engine's score on every scenario, with the figures and safety violations derived from them.
 *
 * @param engines the engines run, in order
 * @param scores  grouped by engine in the order the engines were given, scenarios by id within each
 * @param cap     the uncorroborated cap the run applied
 */
public record EvalResult(List<String> engines, List<Score> scores, double cap) {

    public EvalResult {
        engines = List.copyOf(engines);
        scores = List.copyOf(scores);
    }

    public List<Score> of(String engine) {
        return scores.stream().filter(s -> s.outcome().engine().equals(engine)).toList();
    }

    public EngineFigures figures(String engine) {
        return EngineFigures.of(engine, of(engine));
    }

    public List<Score> misses(String engine) {
        return of(engine).stream().filter(s -> !s.passed()).toList();
    }

    public List<String> violations() {
        return scores.stream().flatMap(s -> Safety.violations(s, cap).stream()).toList();
    }
}
