package io.aegisops.diagnosis.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.Citation;
import io.aegisops.contract.Claim;
import io.aegisops.contract.FactNames;
import io.aegisops.contract.Investigation;
import io.aegisops.diagnosis.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every engine's proposal is held to what was observed: corroboration, citations that exist, the cap. */
class GroundingTest {

    private static final double CAP = 0.8;
    private final List<AlertView> crash = List.of(Fixtures.alert(AlertType.CRASH));

    private static ProposedDiagnosis proposal(AlertType type, List<String> factIds, boolean onFactsOnly) {
        return new ProposedDiagnosis("rules", "crash", "it crashed", Action.RESTART, 0.9, List.of("CRASH: x"),
                "restart it", type, factIds, onFactsOnly);
    }

    private Investigation investigation(boolean corroborated) {
        return Fixtures.investigation("00000000-0000-0000-0000-000000000009", crash, corroborated,
                Fixtures.runningFacts());
    }

    @Test
    void shouldKeepTheConfidenceOfACorroboratedClaimAndCiteItsFactsThenTheLogs() {
        Grounding grounding = Grounding.of(proposal(AlertType.CRASH, List.of(), false), 0.9, investigation(true), CAP);

        assertThat(grounding.corroborated()).isTrue();
        assertThat(grounding.confidence()).isEqualTo(0.9);
        assertThat(grounding.citations()).extracting(Citation::ref).containsExactly("F1", "F2", "F4");
        assertThat(grounding.citations().get(0).title()).isEqualTo("state (engine.inspect)");
        assertThat(grounding.evidence()).containsExactly(
                "corroboration: the CRASH claim is corroborated (F1, F2): the facts show it",
                "fact F1 (engine.inspect): State: running",
                "fact F2 (engine.inspect): Started at 2026-01-01T00:00:00Z");
        assertThat(grounding.note()).isNull();
    }

    @Test
    void shouldCapAnUncorroboratedClaimAndSayWhy() {
        Grounding grounding = Grounding.of(proposal(AlertType.CRASH, List.of(), false), 0.9, investigation(false), CAP);

        assertThat(grounding.corroborated()).isFalse();
        assertThat(grounding.confidence()).isEqualTo(0.8);
        assertThat(grounding.note()).isEqualTo("Not corroborated: the facts do not show it; the confidence is capped "
                + "at 0.80 (from 0.90) so a human decides.");
    }

    @Test
    void shouldLeaveALowConfidenceBelowTheCapAsItIs() {
        Grounding grounding = Grounding.of(proposal(AlertType.CRASH, List.of(), false), 0.3, investigation(false), CAP);

        assertThat(grounding.confidence()).isEqualTo(0.3);
        assertThat(grounding.note()).isEqualTo("Not corroborated: the facts do not show it; a human decides.");
    }

    @Test
    void shouldNotCorroborateAnythingWithoutAnInvestigation() {
        Grounding grounding = Grounding.of(proposal(AlertType.CRASH, List.of(), false), 0.9, null, CAP);

        assertThat(grounding.corroborated()).isFalse();
        assertThat(grounding.confidence()).isEqualTo(0.8);
        assertThat(grounding.citations()).isEmpty();
        assertThat(grounding.evidence()).containsExactly(
                "corroboration: no investigation of the target is available, so no claim is corroborated");
    }

    @Test
    void shouldNotCorroborateAClaimTypeTheInvestigationDidNotCover() {
        Grounding grounding = Grounding.of(proposal(AlertType.MEMORY_PRESSURE, List.of(), false), 0.9,
                investigation(true), CAP);

        assertThat(grounding.corroborated()).isFalse();
        assertThat(grounding.note()).contains("the investigation has no claim for MEMORY_PRESSURE");
    }

    @Test
    void shouldCorroborateAConclusionOnFactsAloneAndIgnoreCitationsOfFactsThatDoNotExist() {
        Grounding grounding = Grounding.of(proposal(null, List.of("F3", "F99"), true), 0.92, investigation(false), CAP);

        assertThat(grounding.corroborated()).isTrue();
        assertThat(grounding.confidence()).isEqualTo(0.92);
        assertThat(grounding.citations()).extracting(Citation::ref).containsExactly("F3", "F4");
        assertThat(grounding.evidence().get(0))
                .isEqualTo("corroboration: the conclusion rests on facts AegisOps observed itself (F3)");
    }

    @Test
    void shouldNotCallAFactsOnlyConclusionCorroboratedWhenNoneOfItsFactsExists() {
        Grounding grounding = Grounding.of(proposal(null, List.of("F99"), true), 0.92, investigation(false), CAP);

        assertThat(grounding.corroborated()).isFalse();
        assertThat(grounding.confidence()).isEqualTo(0.8);
    }
}
