package io.aegisops.diagnosis.llm;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.diagnosis.Fixtures;
import io.aegisops.diagnosis.service.DiagnosisInput;
import io.aegisops.diagnosis.service.ProposedDiagnosis;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCheckTest {

    private static final Set<Action> ALLOWED = Set.of(Action.RESTART, Action.START, Action.NOOP, Action.ESCALATE);

    private final List<AlertView> alerts = List.of(Fixtures.alert(AlertType.MEMORY_PRESSURE, Map.of("heapUsedPercent", 93)));
    private final DiagnosisInput input = new DiagnosisInput(Fixtures.incident("i-1", IncidentStatus.OPEN, alerts), alerts,
            Fixtures.investigation("i-1", alerts, true, Fixtures.runningFacts()));

    private static ModelAnswer answer(String target, String action, double confidence, List<String> facts, String type) {
        return new ModelAnswer(target, "a leak", "memory-leak", action, confidence, facts, type, "because F1");
    }

    private AnswerCheck.Result check(ModelAnswer answer) {
        return AnswerCheck.check(answer, input, ALLOWED, "openai m");
    }

    @Test
    void shouldTurnAValidAnswerIntoAProposalOfTheModelEngine() {
        AnswerCheck.Result result = check(answer("checkout", "restart", 0.9, List.of("F1", "F5"), "MEMORY_PRESSURE"));

        ProposedDiagnosis proposal = result.proposal().orElseThrow();
        assertThat(proposal.engine()).isEqualTo("llm");
        assertThat(proposal.ruleId()).isEqualTo("memory-leak");
        assertThat(proposal.action()).isEqualTo(Action.RESTART);
        assertThat(proposal.factIds()).containsExactly("F1", "F5");
        assertThat(proposal.primaryAlertType()).isEqualTo(AlertType.MEMORY_PRESSURE);
        assertThat(proposal.onFactsOnly()).isFalse();
        assertThat(proposal.evidence()).containsExactly("model: openai m concluded memory-leak citing F1, F5");
    }

    @Test
    void shouldRejectWhatTheIncidentDoesNotSupport() {
        assertThat(check(answer("postgres", "RESTART", 0.9, List.of("F1"), null)).rejection())
                .isEqualTo("it names target 'postgres', not the incident's checkout");
        assertThat(check(answer("checkout", "STOP", 0.9, List.of("F1"), null)).rejection())
                .startsWith("action 'STOP' is not one of ");
        assertThat(check(answer("checkout", "rm -rf /", 0.9, List.of("F1"), null)).rejection())
                .startsWith("action 'rm -rf /' is not one of ");
        assertThat(check(answer("checkout", null, 0.9, List.of("F1"), null)).rejection()).startsWith("action '' is not");
        assertThat(check(answer("checkout", "RESTART", 1.5, List.of("F1"), null)).rejection())
                .isEqualTo("confidence 1.5 is outside 0–1");
        assertThat(check(answer("checkout", "RESTART", Double.NaN, List.of("F1"), null)).rejection())
                .isEqualTo("confidence NaN is outside 0–1");
        assertThat(check(answer("checkout", "RESTART", 0.9, List.of(), null)).rejection()).isEqualTo("it cites no fact");
        assertThat(check(answer("checkout", "RESTART", 0.9, List.of("F1", "F9"), null)).rejection())
                .isEqualTo("it cites facts the investigation does not have: F9");
        assertThat(check(answer("checkout", "RESTART", 0.9, List.of("F1"), "CRASH")).rejection())
                .isEqualTo("alert type 'CRASH' is not one of the incident's [MEMORY_PRESSURE]");
        assertThat(check(new ModelAnswer("checkout", " ", "memory-leak", "RESTART", 0.9, List.of("F1"), null, null))
                .rejection()).isEqualTo("it gives no root cause");
        assertThat(check(null).rejection()).isEqualTo("no answer");
    }

    @Test
    void shouldTakeTheLatestAlertTypeAndNoFamilyWhenTheAnswerNamesNeither() {
        ProposedDiagnosis proposal = check(new ModelAnswer(null, "a leak", "astrology", "ESCALATE", 0.4, List.of("F2"),
                null, "")).proposal().orElseThrow();

        assertThat(proposal.ruleId()).isEqualTo("none");
        assertThat(proposal.primaryAlertType()).isEqualTo(AlertType.MEMORY_PRESSURE);
        assertThat(proposal.justification()).isEqualTo("The model gave no justification.");
    }
}
