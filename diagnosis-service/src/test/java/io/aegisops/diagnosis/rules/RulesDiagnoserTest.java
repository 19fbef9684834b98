package io.aegisops.diagnosis.rules;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.FactNames;
import io.aegisops.contract.Investigation;
import io.aegisops.diagnosis.Fixtures;
import io.aegisops.diagnosis.service.DiagnosisInput;
import io.aegisops.diagnosis.service.ProposedDiagnosis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.aegisops.diagnosis.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;

/** The shipped rules against the alert mixes buggy-app, Docker and Alertmanager produce. */
class RulesDiagnoserTest {

    private static final RuleSet SHIPPED = RulesFile.fromClasspath(RulesFile.DEFAULT_RESOURCE);
    private final RulesDiagnoser diagnoser = new RulesDiagnoser(SHIPPED, 3);

    private ProposedDiagnosis diagnose(AlertView... alerts) {
        List<AlertView> list = Arrays.asList(alerts);
        return diagnoser.diagnose(new DiagnosisInput(Fixtures.incident(list), list)).orElseThrow();
    }

    private ProposedDiagnosis diagnose(AlertType... types) {
        return diagnose(Arrays.stream(types).map(Fixtures::alert).toArray(AlertView[]::new));
    }

    @ParameterizedTest(name = "{0} alone → {1} ({2}, {3})")
    @CsvSource({
            "OOM_KILLED,      oom-killed,        RESTART,  0.9",
            "CRASH,           crash,             RESTART,  0.88",
            "DEPENDENCY_DOWN, dependency-down,   ESCALATE, 0.9",
            "MEMORY_PRESSURE, memory-pressure,   RESTART,  0.9",
            "CPU_SATURATION,  cpu-saturation,    RESTART,  0.9",
            "LATENCY,         latency-lock,      RESTART,  0.7",
            "UNHEALTHY,       unhealthy,         RESTART,  0.86",
            "EXTERNAL,        external-unmapped, ESCALATE, 0.3"})
    void shouldPickTheShippedRuleForEachAlertType(AlertType type, String ruleId, Action action, double confidence) {
        ProposedDiagnosis diagnosis = diagnose(type);

        assertThat(diagnosis.ruleId()).isEqualTo(ruleId);
        assertThat(diagnosis.action()).isEqualTo(action);
        assertThat(diagnosis.confidence()).isEqualTo(confidence);
        assertThat(diagnosis.engine()).isEqualTo("rules");
    }

    @Test
    void shouldSendBuggyAppsFaultsToAllThreePolicyOutcomes() {
        assertThat(diagnose(AlertType.MEMORY_PRESSURE).confidence()).isGreaterThanOrEqualTo(0.85);
        assertThat(diagnose(AlertType.CPU_SATURATION).confidence()).isGreaterThanOrEqualTo(0.85);
        assertThat(diagnose(AlertType.CRASH).confidence()).isGreaterThanOrEqualTo(0.85);
        assertThat(diagnose(AlertType.LATENCY).confidence()).isBetween(0.5, 0.85).isNotEqualTo(0.85);
        assertThat(diagnose(AlertType.EXTERNAL).confidence()).isLessThan(0.5);
    }

    @Test
    void shouldTreatACrashWithExitCode137AsAnOomKill() {
        ProposedDiagnosis diagnosis = diagnose(alert(AlertType.CRASH, Map.of("exitCode", 137)));

        assertThat(diagnosis.ruleId()).isEqualTo("crash-exit-137");
        assertThat(diagnosis.rootCause()).contains("exit code 137").contains("memory limit is too low");
    }

    @Test
    void shouldFillTheExitCodeOfAnOrdinaryCrash() {
        ProposedDiagnosis diagnosis = diagnose(alert(AlertType.CRASH, Map.of("exitCode", 3)));

        assertThat(diagnosis.ruleId()).isEqualTo("crash");
        assertThat(diagnosis.rootCause()).isEqualTo("checkout crashed with exit code 3: the process stopped on an "
                + "error it did not recover from.");
    }

    @Test
    void shouldSayUnknownForACrashWithoutAnExitCode() {
        assertThat(diagnose(AlertType.CRASH).rootCause()).contains("exit code unknown");
    }

    @Test
    void shouldQuoteTheLatestHeapFiguresOfAMemoryLeak() {
        ProposedDiagnosis diagnosis = diagnose(
                alert(AlertType.MEMORY_PRESSURE, Map.of("heapUsedPercent", 91.0, "heapUsedMb", 233, "heapMaxMb", 256)),
                alert(AlertType.MEMORY_PRESSURE, Map.of("heapUsedPercent", 96.4, "heapUsedMb", 246.8, "heapMaxMb", 256.0)));

        assertThat(diagnosis.rootCause()).startsWith("checkout is running out of memory: heap at 96.4% (246.8 of 256 MB).");
    }

    @Test
    void shouldLetTheMostSpecificCauseWinOverItsSymptoms() {
        assertThat(diagnose(AlertType.UNHEALTHY, AlertType.MEMORY_PRESSURE, AlertType.OOM_KILLED).ruleId())
                .isEqualTo("oom-killed");
        assertThat(diagnose(AlertType.MEMORY_PRESSURE, AlertType.CRASH).ruleId()).isEqualTo("crash");
        assertThat(diagnose(AlertType.MEMORY_PRESSURE, AlertType.DEPENDENCY_DOWN).ruleId()).isEqualTo("dependency-down");
        assertThat(diagnose(AlertType.CPU_SATURATION, AlertType.LATENCY).ruleId()).isEqualTo("cpu-saturation");
        assertThat(diagnose(AlertType.CPU_SATURATION, AlertType.MEMORY_PRESSURE).ruleId()).isEqualTo("memory-pressure");
        assertThat(diagnose(AlertType.EXTERNAL, AlertType.UNHEALTHY).ruleId()).isEqualTo("unhealthy");
    }

    @Test
    void shouldKeepLatencyWithUnreadinessAsTheLatencyRuleThatNeedsAHuman() {
        ProposedDiagnosis diagnosis = diagnose(AlertType.LATENCY, AlertType.UNHEALTHY);

        assertThat(diagnosis.ruleId()).isEqualTo("latency-lock");
        assertThat(diagnosis.confidence()).isLessThan(0.85);
    }

    @Test
    void shouldNameTheDecidingAlertTypeSoLearningKnowsThePattern() {
        assertThat(diagnose(AlertType.UNHEALTHY, AlertType.LATENCY).primaryAlertType()).isEqualTo(AlertType.LATENCY);
        assertThat(diagnose(AlertType.MEMORY_PRESSURE, AlertType.OOM_KILLED).primaryAlertType())
                .isEqualTo(AlertType.OOM_KILLED);
    }

    @Test
    void shouldEscalateWithLowConfidenceWhenNoRuleKnowsTheAlerts() {
        RulesDiagnoser crashOnly = new RulesDiagnoser(RulesFile.parse("r.yaml", """
                rules:
                  - { id: crash, priority: 1, when: { alertTypes: [CRASH] }, action: RESTART, confidence: 0.9,
                      rootCause: crashed, justification: restart }
                  - { id: unknown, priority: 0, action: ESCALATE, confidence: 0.3,
                      rootCause: "nothing known about {target}", justification: look }
                """), 3);
        List<AlertView> alerts = List.of(alert(AlertType.LATENCY));

        ProposedDiagnosis diagnosis = crashOnly.diagnose(new DiagnosisInput(Fixtures.incident(alerts), alerts)).orElseThrow();

        assertThat(diagnosis.ruleId()).isEqualTo("unknown");
        assertThat(diagnosis.action()).isEqualTo(Action.ESCALATE);
        assertThat(diagnosis.confidence()).isEqualTo(0.3);
        assertThat(diagnosis.rootCause()).isEqualTo("nothing known about checkout");
    }

    @Test
    void shouldConcludeEvenForAnIncidentWithoutAlerts() {
        ProposedDiagnosis diagnosis = diagnoser.diagnose(new DiagnosisInput(Fixtures.incident(List.of()), List.of()))
                .orElseThrow();

        assertThat(diagnosis.ruleId()).isEqualTo("unknown");
        assertThat(diagnosis.evidence()).isEmpty();
    }

    @Test
    void shouldIgnoreResolvedAlerts() {
        AlertView resolved = alert(AlertType.CRASH);
        resolved = new AlertView(resolved.id(), resolved.type(), resolved.source(), resolved.severity(), "resolved",
                resolved.service(), resolved.container(), resolved.summary(), resolved.metrics(), resolved.evidence(),
                resolved.fingerprint(), resolved.observedAt(), resolved.receivedAt());

        assertThat(diagnose(resolved, alert(AlertType.UNHEALTHY)).ruleId()).isEqualTo("unhealthy");
    }

    @Test
    void shouldPutTheDecidingAlertFirstInTheEvidenceWithItsFiguresAndLastLogLines() {
        ProposedDiagnosis diagnosis = diagnose(
                alert(AlertType.UNHEALTHY, "health check failed 3 times", Map.of("consecutiveFailures", 3)),
                alert(AlertType.OOM_KILLED, "checkout was killed (exit code 137)", Map.of("exitCode", 137),
                        "line 1", "line 2", "line 3", "java.lang.OutOfMemoryError: Java heap space"));

        assertThat(diagnosis.evidence()).containsExactly(
                "OOM_KILLED (APP_WEBHOOK): checkout was killed (exit code 137)",
                "UNHEALTHY (APP_WEBHOOK): health check failed 3 times",
                "metrics: exitCode=137",
                "log: line 2",
                "log: line 3",
                "log: java.lang.OutOfMemoryError: Java heap space",
                "incident: 2 alerts so far");
    }

    @Test
    void shouldQuoteEachOtherAlertTypeOnceHoweverManyAlertsItHas() {
        List<AlertView> storm = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            storm.add(alert(AlertType.UNHEALTHY, "probe failed #" + i, Map.of()));
        }
        storm.add(alert(AlertType.LATENCY, "p95 5000 ms", Map.of("p95Ms", 5000)));

        ProposedDiagnosis diagnosis = diagnose(storm.toArray(AlertView[]::new));

        assertThat(diagnosis.ruleId()).isEqualTo("latency-lock");
        assertThat(diagnosis.evidence()).containsExactly("LATENCY (APP_WEBHOOK): p95 5000 ms",
                "UNHEALTHY (APP_WEBHOOK): probe failed #49", "metrics: p95Ms=5000", "incident: 51 alerts so far");
        assertThat(diagnosis.rootCause()).contains("(p95 5000 ms)");
    }

    @Test
    void shouldMatchMetricAndEvidenceConditionsOnTheSameAlert() {
        RulesDiagnoser diagnoser = new RulesDiagnoser(RulesFile.parse("r.yaml", """
                rules:
                  - id: heap-oom-in-logs
                    priority: 10
                    when:
                      alertTypes: [CRASH]
                      metrics: [ { name: exitCode, op: ">=", value: 1 } ]
                      evidenceContains: [outofmemoryerror]
                    action: RESTART
                    confidence: 0.95
                    rootCause: "heap exhausted, exit {exitCode}"
                    justification: restart
                  - { id: unknown, priority: 0, action: ESCALATE, confidence: 0.3, rootCause: "?", justification: "?" }
                """), 3);
        List<AlertView> splitAcrossAlerts = List.of(alert(AlertType.CRASH, Map.of("exitCode", 1)),
                alert(AlertType.CRASH, Map.of("exitCode", 0), "java.lang.OutOfMemoryError"));
        List<AlertView> onOneAlert = List.of(alert(AlertType.CRASH, Map.of("exitCode", 1), "java.lang.OutOfMemoryError"));

        assertThat(diagnoser.diagnose(new DiagnosisInput(Fixtures.incident(splitAcrossAlerts), splitAcrossAlerts))
                .orElseThrow().ruleId()).isEqualTo("unknown");
        assertThat(diagnoser.diagnose(new DiagnosisInput(Fixtures.incident(onOneAlert), onOneAlert))
                .orElseThrow().rootCause()).isEqualTo("heap exhausted, exit 1");
    }

    @Test
    void shouldBreakPriorityTiesByFileOrder() {
        String twoCrashRules = """
                rules:
                  - { id: first, priority: 5, when: { alertTypes: [CRASH] }, action: RESTART, confidence: 0.9, rootCause: a, justification: a }
                  - { id: second, priority: 5, when: { alertTypes: [CRASH] }, action: ESCALATE, confidence: 0.9, rootCause: b, justification: b }
                  - { id: unknown, priority: 0, action: ESCALATE, confidence: 0.3, rootCause: "?", justification: "?" }
                """;
        List<AlertView> alerts = List.of(alert(AlertType.CRASH));

        ProposedDiagnosis diagnosis = new RulesDiagnoser(RulesFile.parse("r.yaml", twoCrashRules), 3)
                .diagnose(new DiagnosisInput(Fixtures.incident(alerts), alerts)).orElseThrow();

        assertThat(diagnosis.ruleId()).isEqualTo("first");
    }

    @Test
    void shouldDecideOnTheEnginesOomKilledFlagAndCiteItWhateverTheAlertClaims() {
        List<AlertView> alerts = List.of(alert(AlertType.LATENCY));
        Investigation investigation = Fixtures.investigation("00000000-0000-0000-0000-000000000001", alerts, false,
                List.of(Fixtures.fact("F1", FactNames.STATE, "engine.inspect", "exited", "State: exited"),
                        Fixtures.fact("F2", FactNames.EXIT_CODE, "engine.inspect", 137, "Exit code 137"),
                        Fixtures.fact("F3", FactNames.OOM_KILLED, "engine.inspect", true, "OOMKilled=true")));

        ProposedDiagnosis diagnosis = diagnoser.diagnose(new DiagnosisInput(Fixtures.incident(alerts), alerts,
                investigation)).orElseThrow();

        assertThat(diagnosis.ruleId()).isEqualTo("oom-killed-observed");
        assertThat(diagnosis.factIds()).containsExactly("F3");
        assertThat(diagnosis.onFactsOnly()).isTrue();
        assertThat(diagnosis.rootCause()).contains("exit code 137");
    }

    @Test
    void shouldNotMatchAFactRuleWithoutAnInvestigationOrWhenTheFactSaysOtherwise() {
        List<AlertView> alerts = List.of(alert(AlertType.LATENCY));
        Investigation notKilled = Fixtures.investigation("00000000-0000-0000-0000-000000000002", alerts, true,
                Fixtures.runningFacts());

        assertThat(diagnoser.diagnose(new DiagnosisInput(Fixtures.incident(alerts), alerts)).orElseThrow().ruleId())
                .isEqualTo("latency-lock");
        ProposedDiagnosis withFacts = diagnoser.diagnose(new DiagnosisInput(Fixtures.incident(alerts), alerts,
                notKilled)).orElseThrow();
        assertThat(withFacts.ruleId()).isEqualTo("latency-lock");
        assertThat(withFacts.factIds()).isEmpty();
        assertThat(withFacts.onFactsOnly()).isFalse();
    }
}
