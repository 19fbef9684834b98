package io.aegisops.diagnosis.eval;

import io.aegisops.diagnosis.rules.RuleSet;
import io.aegisops.diagnosis.rules.RulesDiagnoser;
import io.aegisops.diagnosis.rules.RulesFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The diagnosis eval as a build gate: the labelled scenarios are valid, cover every runbook family, never lead to an
 * action outside the allowlist or an uncorroborated confidence above the cap, and the rules stay at least as accurate
 * as they measure today. Writes {@code target/eval-report.md} and prints its summary.
 */
class DiagnosisEvalTest {

    // Floors just below what the shipped rules measure on the 47 scenarios (family 39/47, action 39/47,
    // corroboration 47/47; see target/eval-report.md): one more miss fails, a better rule passes. Raise them when a
    // known gap is closed.
    private static final double FAMILY_FLOOR = 0.82;
    private static final double ACTION_FLOOR = 0.82;
    private static final double CORROBORATION_FLOOR = 0.99;
    private static final int MIN_CASES = 40;
    private static final int LOG_LINES = 3;

    private static final RuleSet SHIPPED = RulesFile.fromClasspath(RulesFile.DEFAULT_RESOURCE);
    private static EvalData data;
    private static EvalResult result;

    private static Path basedir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    }

    /** Read from the sources, not the class path: a renamed scenario would otherwise linger in target/. */
    private static Path evalDir() {
        return Path.of(System.getProperty("aegis.eval.dir",
                basedir().resolve("src/test/resources/eval").toString())).normalize();
    }

    private static Path runbooksDir() {
        return Path.of(System.getProperty("aegis.eval.runbooks", basedir().resolve("../runbooks").toString()))
                .normalize();
    }

    private static synchronized EvalData data() {
        if (data == null) {
            data = EvalData.load(evalDir(), runbooksDir(), SHIPPED);
        }
        return data;
    }

    private static synchronized EvalResult result() throws IOException {
        if (result == null) {
            result = new EvalRunner(data(), EvalRunner.UNCORROBORATED_CAP)
                    .run(List.of(new RulesDiagnoser(SHIPPED, LOG_LINES)));
            Path report = basedir().resolve("target/eval-report.md");
            Files.createDirectories(report.getParent());
            Files.writeString(report, EvalReport.markdown(result, SHIPPED.source()), StandardCharsets.UTF_8);
            System.out.println("Diagnosis eval report: " + report.toAbsolutePath().normalize());
            System.out.print(EvalReport.summary(result));
            result.misses(RulesDiagnoser.ENGINE).forEach(miss -> System.out.println("miss: "
                    + miss.scenario().id() + ": " + miss.differences()));
        }
        return result;
    }

    @Test
    void shouldFindEveryScenarioFileValid() {
        assertThat(data().scenarios().size()).as("valid scenarios").isPositive();
    }

    @Test
    void shouldRejectAnUnknownFieldNamingTheFileAndTheField(@TempDir Path dir) throws IOException {
        Files.copy(evalDir().resolve(EvalData.FAMILIES_FILE), dir.resolve(EvalData.FAMILIES_FILE));
        Files.createDirectories(dir.resolve(EvalData.SCENARIOS_DIR));
        Files.writeString(dir.resolve("scenarios/typo.yaml"), """
                id: typo
                description: a claim with a misspelt field
                runbook: crash-loop.md
                alerts: [{ type: CRASH, source: DOCKER_EVENT, summary: died }]
                facts: [{ name: state, source: engine.inspect, value: exited, summary: "State: exited" }]
                claims: [{ alertType: CRASH, corroborted: true, factIds: [F1], reason: exited }]
                expected: { causeFamily: crash-loop, action: RESTART, corroborated: true }
                """);

        assertThatThrownBy(() -> EvalData.load(dir, runbooksDir(), SHIPPED))
                .isInstanceOf(InvalidEvalDataException.class)
                .hasMessageContaining("scenarios/typo.yaml: claims[0].corroborted: unknown field");
    }

    @Test
    void shouldRejectLabelsThatNameNoFamilyAndClaimsCitingNoFact(@TempDir Path dir) throws IOException {
        Files.copy(evalDir().resolve(EvalData.FAMILIES_FILE), dir.resolve(EvalData.FAMILIES_FILE));
        Files.createDirectories(dir.resolve(EvalData.SCENARIOS_DIR));
        Files.writeString(dir.resolve("scenarios/bad-labels.yaml"), """
                id: bad-labels
                description: labels that point nowhere
                runbook: crash-loop.md
                alerts: [{ type: CRASH, source: DOCKER_EVENT, summary: died }]
                facts: [{ name: state, source: engine.inspect, value: exited, summary: "State: exited" }]
                claims: [{ alertType: CRASH, corroborated: true, factIds: [F7], reason: exited }]
                expected: { causeFamily: gremlins, action: RESTART, corroborated: true }
                """);

        assertThatThrownBy(() -> EvalData.load(dir, runbooksDir(), SHIPPED))
                .hasMessageContaining("scenarios/bad-labels.yaml: claims[0].factIds: 'F7' is not a fact (F1..F1)")
                .hasMessageContaining("scenarios/bad-labels.yaml: expected.causeFamily: 'gremlins' is not one of");
    }

    @Test
    void shouldHaveAtLeastFortyCases() {
        assertThat(data().scenarios().size()).as("scenarios").isGreaterThanOrEqualTo(MIN_CASES);
    }

    @Test
    void shouldCoverEveryRunbookFamilyWithAScenarioThatExpectsIt() {
        Set<String> expected = new TreeSet<>();
        Set<String> runbooks = new TreeSet<>();
        data().scenarios().forEach(s -> {
            expected.add(s.expected().causeFamily());
            runbooks.add(s.runbook());
        });

        assertThat(expected).containsExactlyInAnyOrderElementsOf(data().families().families());
        assertThat(runbooks).containsExactlyInAnyOrderElementsOf(
                data().families().families().stream().map(family -> family + ".md").toList());
    }

    @Test
    void shouldNeverLeaveTheAllowlistNorCarryAnUncorroboratedConfidenceAboveTheCap() throws IOException {
        assertThat(result().violations()).isEmpty();
    }

    @Test
    void shouldKeepTheRulesAtLeastAsAccurateAsTheyMeasure() throws IOException {
        EngineFigures rules = result().figures(RulesDiagnoser.ENGINE);

        assertThat(rules.cases()).isEqualTo(data().scenarios().size());
        assertThat(rules.familyAccuracy()).as("family accuracy").isGreaterThanOrEqualTo(FAMILY_FLOOR);
        assertThat(rules.actionAccuracy()).as("action accuracy").isGreaterThanOrEqualTo(ACTION_FLOOR);
        assertThat(rules.corroborationAccuracy()).as("corroboration accuracy")
                .isGreaterThanOrEqualTo(CORROBORATION_FLOOR);
    }
}
