package io.aegisops.remediation.service;

import io.aegisops.contract.Action;
import io.aegisops.remediation.service.DecisionPolicy.Decision;
import io.aegisops.remediation.service.DecisionPolicy.Facts;
import io.aegisops.remediation.service.DecisionPolicy.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every row of the decision table, with the default thresholds and action sets. */
class DecisionPolicyTest {

    private final DecisionPolicy policy = new DecisionPolicy(0.85, 0.50,
            EnumSet.of(Action.RESTART, Action.START), EnumSet.of(Action.STOP, Action.ROLLBACK, Action.SCALE_UP));

    private static Facts safe() {
        return new Facts(null, TargetPolicy.AUTO, 3, "3/15m", false);
    }

    @Test
    void shouldActOnAHighConfidenceRestartOfAnAutoTargetWithBudgetLeft() {
        Decision decision = policy.decide(Action.RESTART, 0.90, true, safe());

        assertThat(decision.outcome()).isEqualTo(Outcome.ACT);
        assertThat(decision.reason()).contains("RESTART at confidence 0.9", "3 restart(s) left in 3/15m");
    }

    @Test
    void shouldActExactlyAtTheActThreshold() {
        assertThat(policy.decide(Action.START, 0.85, true, safe()).outcome()).isEqualTo(Outcome.ACT);
    }

    @Test
    void shouldAskAHumanJustBelowTheActThreshold() {
        Decision decision = policy.decide(Action.RESTART, 0.8499, true, safe());

        assertThat(decision.outcome()).isEqualTo(Outcome.ASK);
        assertThat(decision.reason()).isEqualTo("confidence 0.8499 is below 0.85");
    }

    @Test
    void shouldAskAHumanExactlyAtTheEscalationThreshold() {
        Decision decision = policy.decide(Action.RESTART, 0.50, true, safe());

        assertThat(decision.outcome()).isEqualTo(Outcome.ASK);
        assertThat(decision.reason()).contains("confidence 0.5 is below 0.85");
    }

    @Test
    void shouldEscalateJustBelowTheEscalationThreshold() {
        Decision decision = policy.decide(Action.RESTART, 0.4999, true, safe());

        assertThat(decision.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(decision.reason()).contains("confidence 0.4999 is below the escalation threshold 0.5");
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"STOP"})
    void shouldAskAHumanForAnActionThatNeedsApprovalEvenAtFullConfidence(Action action) {
        Decision decision = policy.decide(action, 1.0, true, safe());

        assertThat(decision.outcome()).isEqualTo(Outcome.ASK);
        assertThat(decision.reason()).isEqualTo("STOP needs approval");
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"SCALE_UP", "ROLLBACK"})
    void shouldEscalateActionsTheDockerExecutorCannotPerformAsNotSupportedYet(Action action) {
        Decision decision = policy.decide(action, 0.99, true, safe());

        assertThat(decision.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(decision.reason()).contains(action + " is not supported yet");
    }

    @Test
    void shouldAskAHumanWhenTheTargetPolicyIsManual() {
        Decision decision = policy.decide(Action.RESTART, 0.99, true, new Facts(null, TargetPolicy.MANUAL, 3, "3/15m", false));

        assertThat(decision.outcome()).isEqualTo(Outcome.ASK);
        assertThat(decision.reason()).isEqualTo("the target's policy is manual");
    }

    @Test
    void shouldAskAHumanBeforeStartingAContainerAnOperatorStoppedOnPurpose() {
        Decision decision = policy.decide(Action.START, 0.99, true, new Facts(null, TargetPolicy.AUTO, 3, "3/15m", true));

        assertThat(decision.outcome()).isEqualTo(Outcome.ASK);
        assertThat(decision.reason()).isEqualTo("an operator stopped the container on purpose");
    }

    @Test
    void shouldNameEveryReasonToAskAtOnce() {
        Decision decision = policy.decide(Action.RESTART, 0.60, true, new Facts(null, TargetPolicy.MANUAL, 3, "3/15m", true));

        assertThat(decision.reason()).isEqualTo("confidence 0.6 is below 0.85; the target's policy is manual; "
                + "an operator stopped the container on purpose");
    }

    @Test
    void shouldEscalateWhenTheRestartBudgetIsSpent() {
        Decision decision = policy.decide(Action.RESTART, 0.99, true, new Facts(null, TargetPolicy.AUTO, 0, "3/15m", false));

        assertThat(decision.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(decision.reason()).isEqualTo("restart budget 3/15m is spent");
    }

    @Test
    void shouldEscalateASpentBudgetRatherThanAskWhenConfidenceIsMedium() {
        assertThat(policy.decide(Action.START, 0.70, true, new Facts(null, TargetPolicy.AUTO, 0, "1/1h", false)).outcome())
                .isEqualTo(Outcome.ESCALATE);
    }

    @Test
    void shouldNotChargeAStopToTheRestartBudget() {
        Decision decision = policy.decide(Action.STOP, 0.99, true, new Facts(null, TargetPolicy.AUTO, 0, "3/15m", false));

        assertThat(decision.outcome()).isEqualTo(Outcome.ASK);
    }

    @Test
    void shouldEscalateWhenSafetyFailedWhateverTheConfidence() {
        Decision decision = policy.decide(Action.RESTART, 1.0, true,
                new Facts("refused: not opted in (container x is not labelled aegis.enable=true)", TargetPolicy.AUTO, 3,
                        "3/15m", false));

        assertThat(decision.outcome()).isEqualTo(Outcome.ESCALATE);
        assertThat(decision.reason()).startsWith("refused: not opted in");
    }

    @Test
    void shouldEscalateWhenTheDiagnosisRecommendsEscalation() {
        assertThat(policy.decide(Action.ESCALATE, 0.99, true, Facts.notGathered()).outcome()).isEqualTo(Outcome.ESCALATE);
    }

    @Test
    void shouldTakeNoActionOnNoopWhateverTheConfidence() {
        assertThat(policy.decide(Action.NOOP, 0.10, true, Facts.notGathered()))
                .isEqualTo(new Decision(Outcome.NO_ACTION, "the diagnosis proposes no action"));
    }

    @Test
    void shouldKnowWhichDecisionsNeedNoLookOfTheTarget() {
        assertThat(policy.decidedWithoutTarget(Action.NOOP, 0.9)).isTrue();
        assertThat(policy.decidedWithoutTarget(Action.ESCALATE, 0.9)).isTrue();
        assertThat(policy.decidedWithoutTarget(Action.RESTART, 0.3)).isTrue();
        assertThat(policy.decidedWithoutTarget(Action.ROLLBACK, 0.9)).isTrue();
        assertThat(policy.decidedWithoutTarget(Action.RESTART, 0.5)).isFalse();
        assertThat(policy.decidedWithoutTarget(Action.STOP, 0.9)).isFalse();
    }

    @Test
    void shouldLetTheApprovalListWinOverTheAutoList() {
        DecisionPolicy both = new DecisionPolicy(0.85, 0.5, EnumSet.of(Action.RESTART), EnumSet.of(Action.RESTART));

        assertThat(both.decide(Action.RESTART, 0.99, true, safe()).outcome()).isEqualTo(Outcome.ASK);
    }

    @Test
    void shouldAskForAnActionInNeitherListRatherThanActAlone() {
        DecisionPolicy restartOnly = new DecisionPolicy(0.85, 0.5, EnumSet.of(Action.RESTART), EnumSet.noneOf(Action.class));

        assertThat(restartOnly.decide(Action.START, 0.99, true, safe()))
                .isEqualTo(new Decision(Outcome.ASK, "START needs approval"));
    }

    @Test
    void shouldRefuseThresholdsInTheWrongOrder() {
        assertThatThrownBy(() -> new DecisionPolicy(0.5, 0.85, EnumSet.of(Action.RESTART), EnumSet.noneOf(Action.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("escalate-below (0.85) <= aegis.remediation.act-confidence (0.5)");
    }

    @Test
    void shouldAskAHumanWhenTheClaimIsNotCorroboratedWhateverTheConfidence() {
        Decision decision = policy.decide(Action.RESTART, 0.99, false, safe());

        assertThat(decision.outcome()).isEqualTo(Outcome.ASK);
        assertThat(decision.reason()).isEqualTo("the diagnosis' claim is not corroborated by facts AegisOps observed itself");
    }

    @Test
    void shouldStillEscalateAnUncorroboratedDiagnosisWhoseBudgetIsSpent() {
        Decision decision = policy.decide(Action.RESTART, 0.99, false, new Facts(null, TargetPolicy.AUTO, 0, "3/15m", false));

        assertThat(decision.outcome()).isEqualTo(Outcome.ESCALATE);
    }

    @Test
    void shouldNameEveryReasonToAskIncludingCorroboration() {
        Decision decision = policy.decide(Action.RESTART, 0.70, false, new Facts(null, TargetPolicy.MANUAL, 3, "3/15m", false));

        assertThat(decision.reason()).isEqualTo("confidence 0.7 is below 0.85; the diagnosis' claim is not corroborated "
                + "by facts AegisOps observed itself; the target's policy is manual");
    }
}
