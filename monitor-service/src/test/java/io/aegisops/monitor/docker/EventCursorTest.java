package io.aegisops.monitor.docker;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.aegisops.monitor.docker.Events.T0;
import static io.aegisops.monitor.docker.Events.labelled;
import static org.assertj.core.api.Assertions.assertThat;

/** Resuming the event stream: where it restarts from, and which replayed events are dropped. */
class EventCursorTest {

    private static ContainerEvent event(String id, String action, long time) {
        return ContainerEvent.from(Events.container(id, action, time, labelled("app-1"))).orElseThrow();
    }

    @Test
    void shouldStartFromTheMomentTheWatcherStartedWithNanosecondPrecision() {
        EventCursor cursor = new EventCursor(Instant.ofEpochSecond(1_700_000_000L, 5));

        assertThat(cursor.since()).isEqualTo("1700000000.000000005");
    }

    @Test
    void shouldResumeFromTheLastProcessedEventInclusive() {
        EventCursor cursor = new EventCursor(Instant.ofEpochSecond(1_600_000_000L));

        cursor.processed(event("a", "die", T0));

        assertThat(cursor.since()).isEqualTo("1700000000.123456789");
    }

    @Test
    void shouldNeverMoveBackwards() {
        EventCursor cursor = new EventCursor(Instant.ofEpochSecond(1_600_000_000L));

        cursor.processed(event("a", "die", T0));
        cursor.processed(event("b", "die", T0 - 1_000));

        assertThat(cursor.since()).isEqualTo("1700000000.123456789");
    }

    @Test
    void shouldRecogniseTheSameEventDeliveredTwice() {
        EventCursor cursor = new EventCursor(Instant.ofEpochSecond(1_600_000_000L));

        assertThat(cursor.isNew(event("a", "die", T0))).isTrue();
        cursor.processed(event("a", "die", T0));
        assertThat(cursor.isNew(event("a", "die", T0))).isFalse();
    }

    @Test
    void shouldTellApartEventsThatShareOnlyTheirTimestamp() {
        EventCursor cursor = new EventCursor(Instant.ofEpochSecond(1_600_000_000L));

        cursor.processed(event("a", "kill", T0));

        assertThat(cursor.isNew(event("a", "die", T0))).isTrue();
        assertThat(cursor.isNew(event("b", "die", T0))).isTrue();
    }

    @Test
    void shouldNotCountAnEventWhoseAlertIsNotDurableYet() {
        EventCursor cursor = new EventCursor(Instant.ofEpochSecond(1_600_000_000L));

        assertThat(cursor.isNew(event("a", "die", T0))).isTrue();

        assertThat(cursor.isNew(event("a", "die", T0))).isTrue();
        assertThat(cursor.since()).isEqualTo("1600000000.000000000");
    }

    @Test
    void shouldResumeWhereTheLastRunOfTheServiceStopped() {
        EventCursor cursor = new EventCursor(Instant.ofEpochSecond(1_700_000_100L));

        cursor.resumeFrom(EventCursor.nanosOf(Instant.ofEpochSecond(1_700_000_000L, 42)));

        assertThat(cursor.since()).isEqualTo("1700000000.000000042");
        assertThat(cursor.sinceNanos()).isEqualTo(1_700_000_000_000_000_042L);
    }
}
