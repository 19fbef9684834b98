package io.aegisops.dockerkit;

import com.github.dockerjava.api.model.Event;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The nanosecond time of an event, from what the engine sent. */
class EventTimesTest {

    @Test
    void shouldPreferTheNanosecondTime() {
        Event event = new Event("start", "abc", "image", 1_795_000_000L).withTimenano(1_795_000_000_123_456_789L);

        assertThat(EventTimes.nanos(event)).hasValue(1_795_000_000_123_456_789L);
    }

    @Test
    void shouldFallBackToTheSecondsOfAnOlderEngine() {
        Event event = new Event("start", "abc", "image", 1_795_000_000L);

        assertThat(EventTimes.nanos(event)).hasValue(1_795_000_000_000_000_000L);
    }

    @Test
    void shouldBeEmptyWithoutAnyTime() {
        assertThat(EventTimes.nanos(new Event("start", "abc", "image", null))).isEmpty();
    }
}
