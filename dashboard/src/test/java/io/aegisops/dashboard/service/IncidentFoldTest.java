package io.aegisops.dashboard.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Severity;
import io.aegisops.dashboard.support.IncidentStory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(result.timeline()).extracting(TimelineEntry::kind).containsExactly("alert", "alert", "diagnosis",
                "approval", "remediation", "decision", "remediation", "verification", "verification");
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
