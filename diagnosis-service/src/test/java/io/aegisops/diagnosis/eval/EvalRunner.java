package io.aegisops.diagnosis.eval;

import io.aegisops.diagnosis.llm.AnswerCheck;
import io.aegisops.diagnosis.service.DiagnosisInput;
import io.aegisops.diagnosis.service.Diagnoser;
import io.aegisops.diagnosis.service.Grounding;
import io.aegisops.diagnosis.service.ProposedDiagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs engines over the labelled scenarios the way diagnosis-service runs them in production: the engine proposes,
 * {@link Grounding} decides corroboration and caps the confidence. Exists so the rules engine, and any model placed
 * in front of it later, is measured on the same cases with the same scoring ({@link Diagnoser} is the seam).
 * Learning is left out on purpose: it measures the engines, not what a team taught them.
 */
public final class EvalRunner {

    /** The default {@code aegis.diagnosis.uncorroborated-cap}, below remediation's 0.85 threshold to act alone. */
    public static final double UNCORROBORATED_CAP = 0.80;

    private final EvalData data;
    private final double cap;

    public EvalRunner(EvalData data, double cap) {
        this.data = data;
        this.cap = cap;
    }

    public EvalResult run(List<? extends Diagnoser> engines) {
        List<Score> scores = new ArrayList<>();
        for (Diagnoser engine : engines) {
            for (Scenario scenario : data.scenarios()) {
                scores.add(new Score(scenario, outcome(engine, ScenarioInput.of(scenario))));
            }
        }
        return new EvalResult(engines.stream().map(Diagnoser::engine).toList(), scores, cap);
    }

    private Outcome outcome(Diagnoser engine, DiagnosisInput input) {
        Optional<ProposedDiagnosis> proposal = engine.diagnose(input);
        if (proposal.isEmpty()) {
            return new Outcome(engine.engine(), null, Families.NONE, null, false, 0);
        }
        ProposedDiagnosis p = proposal.get();
        Grounding grounding = Grounding.of(p, p.confidence(), input.investigation(), cap);
        // A model names its cause family where a rule id would be (AnswerCheck): it concluded without a rule.
        boolean model = AnswerCheck.ENGINE.equals(p.engine());
        return new Outcome(engine.engine(), model ? null : p.ruleId(),
                model ? p.ruleId() : data.families().familyOf(p.ruleId()), p.action(),
                grounding.corroborated(), grounding.confidence());
    }
}
