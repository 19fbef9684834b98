package io.aegisops.diagnosis.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.diagnosis.Fixtures;
import io.aegisops.diagnosis.rules.RulesDiagnoser;
import io.aegisops.diagnosis.rules.RulesFile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.aegisops.diagnosis.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident's alerts arrive one by one; each time the rules reach a conclusion and the policy decides
 * whether it earns a new revision. Replays that sequence without a database.
 */
class RevisionPolicyTest {

    private final RulesDiagnoser diagnoser = new RulesDiagnoser(RulesFile.fromClasspath(RulesFile.DEFAULT_RESOURCE), 5);
    private final List<AlertView> alerts = new ArrayList<>();
    private Optional<Conclusion> current = Optional.empty();
    private final List<String> issued = new ArrayList<>();

    /** Feeds one alert as the service does and returns the verdict. */
    private RevisionPolicy.Verdict receive(AlertView alert) {
        alerts.add(alert);
        ProposedDiagnosis proposal = diagnoser.diagnose(new DiagnosisInput(Fixtures.incident(alerts), alerts)).orElseThrow();
        RevisionPolicy.Verdict verdict = RevisionPolicy.decide(current, proposal.conclusion());
        if (verdict != RevisionPolicy.Verdict.KEEP) {
            current = Optional.of(proposal.conclusion());
            issued.add(proposal.ruleId());
        }
        return verdict;
    }

    @Test
    void shouldIssueTheFirstDiagnosisForTheFirstAlert() {
        assertThat(receive(alert(AlertType.MEMORY_PRESSURE))).isEqualTo(RevisionPolicy.Verdict.FIRST);
    }

    @Test
    void shouldNotReviseForAStormOfAlertsOfTheSameKindEvenWithDifferentFigures() {
        receive(alert(AlertType.MEMORY_PRESSURE, Map.of("heapUsedPercent", 90.2)));

        for (int i = 0; i < 100; i++) {
            assertThat(receive(alert(AlertType.MEMORY_PRESSURE, Map.of("heapUsedPercent", 90.5 + i * 0.05))))
                    .isEqualTo(RevisionPolicy.Verdict.KEEP);
        }
        assertThat(issued).containsExactly("memory-pressure");
    }

    @Test
    void shouldNotReviseForANewAlertTypeThatDoesNotChangeTheWinner() {
        receive(alert(AlertType.MEMORY_PRESSURE));

        assertThat(receive(alert(AlertType.UNHEALTHY))).isEqualTo(RevisionPolicy.Verdict.KEEP);
        assertThat(receive(alert(AlertType.LATENCY))).isEqualTo(RevisionPolicy.Verdict.KEEP);
        assertThat(issued).containsExactly("memory-pressure");
    }

    @Test
    void shouldReviseWhenNewEvidenceMakesAnotherRuleWin() {
        receive(alert(AlertType.UNHEALTHY));
        receive(alert(AlertType.MEMORY_PRESSURE));
        receive(alert(AlertType.UNHEALTHY));

        assertThat(receive(alert(AlertType.OOM_KILLED))).isEqualTo(RevisionPolicy.Verdict.REVISE);
        assertThat(issued).containsExactly("unhealthy", "memory-pressure", "oom-killed");
    }

    @Test
    void shouldReviseWhenAMetricMakesAMoreSpecificRuleWinForTheSameAlertType() {
        receive(alert(AlertType.CRASH, Map.of("exitCode", 1)));

        assertThat(receive(alert(AlertType.CRASH, Map.of("exitCode", 1)))).isEqualTo(RevisionPolicy.Verdict.KEEP);
        assertThat(receive(alert(AlertType.CRASH, Map.of("exitCode", 137)))).isEqualTo(RevisionPolicy.Verdict.REVISE);
        assertThat(issued).containsExactly("crash", "crash-exit-137");
    }

    @Test
    void shouldTreatTheSameRuleFromAnotherEngineOrWithAnotherActionAsAChange() {
        Conclusion rules = new Conclusion("rules", "crash", Action.RESTART);

        assertThat(RevisionPolicy.decide(Optional.of(rules), new Conclusion("rules", "crash", Action.RESTART)))
                .isEqualTo(RevisionPolicy.Verdict.KEEP);
        assertThat(RevisionPolicy.decide(Optional.of(rules), new Conclusion("llm", "crash", Action.RESTART)))
                .isEqualTo(RevisionPolicy.Verdict.REVISE);
        assertThat(RevisionPolicy.decide(Optional.of(rules), new Conclusion("rules", "crash", Action.ESCALATE)))
                .isEqualTo(RevisionPolicy.Verdict.REVISE);
    }
}
