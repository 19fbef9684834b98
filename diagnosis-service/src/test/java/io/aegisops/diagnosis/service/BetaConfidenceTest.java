package io.aegisops.diagnosis.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The learning arithmetic: a Beta(base·n0, (1−base)·n0) prior, updated by decisions, with a sample floor. */
class BetaConfidenceTest {

    private final BetaConfidence beta = new BetaConfidence(10, 3);
    private final Pattern latency = new Pattern("checkout", AlertType.LATENCY, Action.RESTART);

    @Test
    void shouldNotMoveBelowTheSampleFloor() {
        LearnedConfidence twoApprovals = beta.apply(0.7, 2, 0, 0);

        assertThat(twoApprovals.confidence()).isEqualTo(0.7);
        assertThat(twoApprovals.adjusted()).isFalse();
        assertThat(beta.apply(0.7, 0, 1, 1).confidence()).isEqualTo(0.7);
    }

    @Test
    void shouldBeThePosteriorMeanFromTheFloorOn() {
        assertThat(beta.apply(0.7, 3, 0, 0).confidence()).isCloseTo(10.0 / 13, within(1e-4));
        assertThat(beta.apply(0.7, 2, 1, 0).confidence()).isCloseTo(9.0 / 13, within(1e-4));
        assertThat(beta.apply(0.9, 0, 2, 1).confidence()).isCloseTo(9.0 / 13, within(1e-4));
        assertThat(beta.apply(0.7, 3, 0, 0).adjusted()).isTrue();
    }

    @Test
    void shouldCarryAnApprovedPatternPastTheAutoThresholdAndARejectedOneTowardsEscalation() {
        assertThat(beta.apply(0.7, 9, 0, 0).confidence()).isLessThan(0.85);
        assertThat(beta.apply(0.7, 11, 0, 0).confidence()).isGreaterThan(0.85);
        assertThat(beta.apply(0.9, 0, 10, 0).confidence()).isLessThan(0.5);
        assertThat(beta.apply(0.7, 1000, 0, 0).confidence()).isLessThanOrEqualTo(1.0).isGreaterThan(0.99);
    }

    @Test
    void shouldCountAnOverrideAsARejectionOfTheProposedAction() {
        assertThat(beta.apply(0.7, 3, 0, 2).confidence()).isEqualTo(beta.apply(0.7, 3, 2, 0).confidence());
    }

    @Test
    void shouldMoveSlowerWithAStrongerPrior() {
        BetaConfidence stubborn = new BetaConfidence(100, 3);

        assertThat(stubborn.apply(0.7, 5, 0, 0).confidence()).isLessThan(beta.apply(0.7, 5, 0, 0).confidence());
    }

    @Test
    void shouldExplainTheAdjustmentAndTheHistoryBehindIt() {
        assertThat(beta.apply(0.7, 11, 0, 0).explanation(latency))
                .isEqualTo("Learning: humans approved this pattern (checkout, LATENCY → RESTART) 11 time(s) and "
                        + "rejected or overrode it 0 time(s), so its confidence moves from the rule's 0.70 to 0.86 "
                        + "(Beta prior of strength 10 centred on the rule).");
        assertThat(beta.apply(0.7, 2, 0, 0).explanation(latency))
                .isEqualTo("Learning: 2 human decision(s) on this pattern (checkout, LATENCY → RESTART) so far, "
                        + "2 approved; below 3 the rule's confidence 0.70 stands.");
        assertThat(beta.apply(0.7, 1, 2, 3).evidenceLine(latency))
                .isEqualTo("learning: checkout, LATENCY → RESTART: 1 approved, 2 rejected, 3 overridden by humans");
        assertThat(beta.apply(0.7, 0, 0, 0).explanation(latency)).isNull();
        assertThat(beta.apply(0.7, 0, 0, 0).evidenceLine(latency)).isNull();
    }

    @Test
    void shouldRefuseNonsense() {
        assertThatThrownBy(() -> new BetaConfidence(0.5, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BetaConfidence(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> beta.apply(1.5, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> beta.apply(0.5, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
