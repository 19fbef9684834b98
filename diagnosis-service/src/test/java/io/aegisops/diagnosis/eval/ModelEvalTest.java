package io.aegisops.diagnosis.eval;

import io.aegisops.diagnosis.llm.LlmConfig;
import io.aegisops.diagnosis.llm.ModelDiagnoser;
import io.aegisops.diagnosis.rules.RuleSet;
import io.aegisops.diagnosis.rules.RulesDiagnoser;
import io.aegisops.diagnosis.rules.RulesFile;
import io.aegisops.diagnosis.service.Diagnoser;
import io.aegisops.diagnosis.service.DiagnosisInput;
import io.aegisops.diagnosis.service.ProposedDiagnosis;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diagnosis eval with the model diagnoser in front of the rules, as diagnosis-service runs when a model is
 * configured: the model's checked answer, or the rules when it has none. Replays recorded answers by default
 * ({@link EvalModel}); measures your model when its variables are set. Writes {@code target/eval-report-llm.md}.
 */
@QuarkusTest
@QuarkusTestResource(value = EvalModel.class, restrictToAnnotatedClass = true)
class ModelEvalTest {

    private static final RuleSet SHIPPED = RulesFile.fromClasspath(RulesFile.DEFAULT_RESOURCE);
    private static final int LOG_LINES = 3;
    private static EvalData data;

    private final ModelDiagnoser models;
    private final LlmConfig config;

    ModelEvalTest(ModelDiagnoser models, LlmConfig config) {
        this.models = models;
        this.config = config;
    }

    static Path evalDir() {
        Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return Path.of(System.getProperty("aegis.eval.dir", basedir.resolve("src/test/resources/eval").toString()))
                .normalize();
    }

    static synchronized EvalData data() {
        if (data == null) {
            Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
            data = EvalData.load(evalDir(), Path.of(System.getProperty("aegis.eval.runbooks",
                    basedir.resolve("../runbooks").toString())).normalize(), SHIPPED);
        }
        return data;
    }

    /** The model first, the rules when the model has no acceptable answer: what the service does. */
    private Diagnoser modelThenRules(AtomicInteger answered) {
        RulesDiagnoser rules = new RulesDiagnoser(SHIPPED, LOG_LINES);
        return new Diagnoser() {
            @Override
            public String engine() {
                return "llm";
            }

            @Override
            public Optional<ProposedDiagnosis> diagnose(DiagnosisInput input) {
                Optional<ProposedDiagnosis> model = models.diagnose(input);
                model.ifPresent(p -> answered.incrementAndGet());
                return model.or(() -> rules.diagnose(input));
            }
        };
    }

    @Test
    void shouldKeepModelAnswersInsideTheAllowlistAndTheCapAndReportTheirAccuracy() throws IOException {
        AtomicInteger answered = new AtomicInteger();
        EvalResult result = new EvalRunner(data(), EvalRunner.UNCORROBORATED_CAP)
                .run(List.of(new RulesDiagnoser(SHIPPED, LOG_LINES), modelThenRules(answered)));
        Path report = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("target/eval-report-llm.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, EvalReport.markdown(result, SHIPPED.source()), StandardCharsets.UTF_8);
        System.out.println("Diagnosis eval with the model (" + (EvalModel.real() ? "your model" : "replayed answers")
                + "): " + report.toAbsolutePath().normalize());
        System.out.print(EvalReport.summary(result));
        System.out.println("model answers taken: " + answered.get() + " of " + data().scenarios().size()
                + " (the rules answered the rest)");

        assertThat(result.violations()).isEmpty();
        EngineFigures model = result.figures("llm");
        EngineFigures rules = result.figures(RulesDiagnoser.ENGINE);
        assertThat(model.cases()).isEqualTo(data().scenarios().size());
        if (!EvalModel.real()) {
            // Every replayed answer is taken except those the checks must refuse: an action outside the allowlist
            // (ROLLBACK) or no investigated fact to cite. The rules answer those, so the column is never below theirs.
            long acceptable = data().scenarios().stream().filter(s -> !s.facts().isEmpty()
                    && config.allowedActions().contains(s.expected().action())).count();
            assertThat(answered.get()).as("replayed answers taken").isEqualTo((int) acceptable);
            assertThat(model.familyAccuracy()).isGreaterThanOrEqualTo(rules.familyAccuracy());
            assertThat(model.actionAccuracy()).isGreaterThanOrEqualTo(rules.actionAccuracy());
        }
    }
}
