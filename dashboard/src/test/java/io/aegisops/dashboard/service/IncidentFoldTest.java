package io.aegisops.dashboard.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.Citation;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Severity;
import io.aegisops.contract.ToolCall;
import io.aegisops.dashboard.support.IncidentStory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The fold gives one view per set of events, whatever their order and however often each one arrives. */
class IncidentFoldTest {

    private final IncidentStory story = new IncidentStory(UUID.randomUUID().toString(), "checkout");

    private static List<StoredEvent> stored(List<IncidentStory.Step> steps) {
        return steps.stream().map(IncidentStory.Step::event)
                .map(e -> new StoredEvent(e.id(), e.type(), e.source(), e.time(), e.data())).toList();
    }

    private IncidentFold.Result fold(List<StoredEvent> events) {
        return IncidentFold.fold(story.incidentId, events);
    }

    @Test
    void shouldGiveTheSameViewForEveryOrderAndAnyDuplicates() {
        List<StoredEvent> inOrder = stored(story.approvedAndResolved());
        IncidentFold.Result expected = fold(inOrder);

        List<StoredEvent> reversed = new ArrayList<>(inOrder);
        Collections.reverse(reversed);
        assertThat(fold(reversed)).isEqualTo(expected);
        for (long seed = 1; seed <= 50; seed++) {
            List<StoredEvent> shuffled = new ArrayList<>(inOrder);
            shuffled.addAll(inOrder.subList(0, (int) (seed % inOrder.size()) + 1));
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(fold(shuffled)).as("order with seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void shouldTellTheWholeStoryOfAnApprovedIncident() {
        IncidentFold.Result result = fold(stored(story.approvedAndResolved()));
        IncidentCard card = result.card();

        assertThat(card.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(card.closed()).isTrue();
        assertThat(card.target()).isEqualTo("checkout");
        assertThat(card.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(card.alertCount()).isEqualTo(2);
        assertThat(card.openedAt()).isEqualTo(IncidentStory.T0);
        assertThat(card.closedAt()).isEqualTo(IncidentStory.time(20_000));
        assertThat(card.diagnosis().action()).isEqualTo(Action.RESTART);
        assertThat(card.diagnosis().learningAdjustment()).isEqualTo(-0.05);
        assertThat(card.approval().pending()).isFalse();
        assertThat(card.approval().decision()).isEqualTo(ApprovalDecision.Kind.APPROVE);
        assertThat(card.approval().decidedBy()).isEqualTo("alice");
        assertThat(card.remediation().stage()).isEqualTo(RemediationStage.RESOLVED);
        assertThat(card.durations()).isEqualTo(new IncidentCard.Durations(1000L, 3000L, 11_000L, 12_000L, 21_000L));
        assertThat(result.timeline()).extracting(TimelineEntry::kind).containsExactly("alert", "alert",
                "investigation", "diagnosis", "approval", "remediation", "decision", "remediation", "verification",
                "verification");
    }

    @Test
    void shouldShowTheInvestigationAndWhatTheDiagnosisRestsOn() {
        IncidentFold.Result result = fold(stored(story.awaitingApproval()));
        IncidentCard.InvestigationFacts investigation = result.card().investigation();
        IncidentCard.DiagnosisFacts diagnosis = result.card().diagnosis();

        assertThat(investigation.id()).isEqualTo(story.investigationId);
        assertThat(investigation.facts()).extracting(IncidentCard.FactRow::id, IncidentCard.FactRow::source)
                .containsExactly(tuple("F1", "engine.inspect"), tuple("F2", "engine.logs"), tuple("F3", "health.probe"));
        assertThat(investigation.claims()).singleElement().satisfies(claim -> {
            assertThat(claim.alertType()).isEqualTo(AlertType.LATENCY);
            assertThat(claim.corroborated()).isFalse();
            assertThat(claim.factIds()).containsExactly("F3", "F2");
        });
        assertThat(investigation.toolCalls()).extracting(ToolCall::tool, ToolCall::millis)
                .containsExactly(tuple("inspect", 12L), tuple("logs", 40L), tuple("probe", 2950L));
        assertThat(diagnosis.corroborated()).isFalse();
        assertThat(diagnosis.investigationId()).isEqualTo(story.investigationId);
        assertThat(diagnosis.citations()).extracting(Citation::kind, Citation::ref).containsExactly(
                tuple(Citation.Kind.FACT, "F2"), tuple(Citation.Kind.RUNBOOK, "latency#row-locks"),
                tuple(Citation.Kind.INCIDENT, IncidentStory.PAST_INCIDENT));
        assertThat(result.timeline()).filteredOn(entry -> entry.kind().equals("investigation")).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.title())
                            .isEqualTo("Investigation: 0 of 1 claims corroborated (3 facts, 3 reads, 3002 ms in all)");
                    assertThat(entry.detail()).startsWith("LATENCY NOT corroborated: the probe still answers");
                    assertThat(entry.evidence()).hasSize(3).first().asString().startsWith("F1 state (engine.inspect)");
                });
        assertThat(result.timeline()).filteredOn(entry -> entry.kind().equals("diagnosis")).singleElement()
                .extracting(TimelineEntry::title).asString().endsWith("NOT corroborated — a human decides");
    }

    @Test
    void shouldGiveTheSameCardWhenTheDiagnosisArrivesBeforeTheInvestigation() {
        List<IncidentStory.Step> inOrder = story.awaitingApproval();
        List<IncidentStory.Step> diagnosisFirst = new ArrayList<>(inOrder);
        IncidentStory.Step diagnosis = diagnosisFirst.remove(3);
        diagnosisFirst.add(0, diagnosis);
        assertThat(diagnosis.event().type()).isEqualTo(EventTypes.DIAGNOSIS_PROPOSED);

        assertThat(fold(stored(diagnosisFirst))).isEqualTo(fold(stored(inOrder)));
    }

    @Test
    void shouldShowTheLatestInvestigationAndKeepEveryOneInTheTimeline() {
        List<IncidentStory.Step> steps = new ArrayList<>(story.awaitingApproval());
        steps.add(0, story.investigation(5000));

        IncidentFold.Result result = fold(stored(steps));

        assertThat(result.card().investigation().completedAt()).isEqualTo(IncidentStory.time(5000));
        assertThat(result.timeline()).filteredOn(entry -> entry.kind().equals("investigation")).hasSize(2);
    }

    @Test
    void shouldShowAPendingApprovalUntilItIsDecided() {
        IncidentCard card = fold(stored(story.awaitingApproval())).card();

        assertThat(card.status()).isEqualTo(IncidentStatus.AWAITING_APPROVAL);
        assertThat(card.approval().pending()).isTrue();
        assertThat(card.approval().requestId()).isEqualTo(story.requestId);
        assertThat(card.durations().decideMs()).isNull();
    }

    @Test
    void shouldNotReopenAClosedIncidentWhenALateAnnouncementArrives() {
        List<IncidentStory.Step> steps = new ArrayList<>(story.approvedAndResolved());
        steps.add(story.statusChanged(30_000, IncidentStatus.VERIFYING));
        steps.add(story.stage(31_000, RemediationStage.FAILED));

        IncidentCard card = fold(stored(steps)).card();

        assertThat(card.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(card.closedAt()).isEqualTo(IncidentStory.time(20_000));
    }

    @Test
    void shouldNotMoveAnIncidentBackWhenTheDiagnosisComesAfterTheAction() {
        List<IncidentStory.Step> steps = List.of(
                story.alert(0, EventTypes.INCIDENT_OPENED, IncidentStatus.OPEN, 1, Severity.CRITICAL),
                story.stage(1000, RemediationStage.ACTING),
                story.diagnosis(2000));

        assertThat(fold(stored(steps)).card().status()).isEqualTo(IncidentStatus.REMEDIATING);
    }

    @Test
    void shouldBuildACardFromWhateverArrivedWhenTheOpeningWasNotSeen() {
        List<IncidentStory.Step> steps = List.of(story.diagnosis(2000), story.stage(3000, RemediationStage.ACTING));

        IncidentCard card = fold(stored(steps)).card();

        assertThat(card.target()).isEqualTo("checkout");
        assertThat(card.status()).isEqualTo(IncidentStatus.REMEDIATING);
        assertThat(card.openedAt()).isEqualTo(IncidentStory.time(2000));
    }

    @Test
    void shouldOrderEventsOfTheSameInstantByTheLoopsSteps() {
        CloudEvent requested = story.requested(3000).event();
        CloudEvent waiting = story.stage(3000, RemediationStage.AWAITING_APPROVAL).event();

        List<String> order = Stream.of(waiting, requested)
                .map(e -> new StoredEvent(e.id(), e.type(), e.source(), e.time(), e.data()))
                .sorted(IncidentFold.ORDER).map(StoredEvent::type).toList();

        assertThat(order).containsExactly(EventTypes.APPROVAL_REQUESTED, EventTypes.REMEDIATION_STAGE);
    }
}
