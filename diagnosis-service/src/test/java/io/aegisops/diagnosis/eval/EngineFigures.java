package io.aegisops.diagnosis.eval;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One engine's accuracy over the scenarios: the figures the README quotes and the floors the test holds.
 *
 * @param ruleCases how many scenarios name an expected rule (rule accuracy is over these only)
 */
public record EngineFigures(String engine, int cases, int familyHits, int actionHits, int corroborationHits,
                            int ruleCases, int ruleHits, int passed) {

    static EngineFigures of(String engine, List<Score> scores) {
        return new EngineFigures(engine, scores.size(),
                count(scores, Score::familyOk), count(scores, Score::actionOk), count(scores, Score::corroborationOk),
                (int) scores.stream().map(Score::ruleOk).filter(Objects::nonNull).count(),
                count(scores, s -> Boolean.TRUE.equals(s.ruleOk())), count(scores, Score::passed));
    }

    public double familyAccuracy() {
        return ratio(familyHits, cases);
    }

    public double actionAccuracy() {
        return ratio(actionHits, cases);
    }

    public double corroborationAccuracy() {
        return ratio(corroborationHits, cases);
    }

    public double ruleAccuracy() {
        return ratio(ruleHits, ruleCases);
    }

    public double passRate() {
        return ratio(passed, cases);
    }

    private static int count(List<Score> scores, Predicate<Score> hit) {
        return (int) scores.stream().filter(hit).count();
    }

    private static double ratio(int hits, int of) {
        return of == 0 ? 0 : (double) hits / of;
    }
}
