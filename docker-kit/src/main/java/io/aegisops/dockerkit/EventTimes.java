package io.aegisops.dockerkit;

import com.github.dockerjava.api.model.Event;

import java.util.OptionalLong;

/**
 * When the engine emitted an event, in nanoseconds since the epoch. Exists because the engine's {@code timeNano}
 * is the identity of an event: it orders the stream, is the {@code since} to resume from, and tells a duplicate
 * (the engine can deliver one event twice when a subscription races its publication) from a second real event.
 * Older engines send only {@code time} in seconds.
 */
public final class EventTimes {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EventTimes() {
    }

    /** The event's time; empty when the engine sent neither {@code timeNano} nor {@code time}. */
    public static OptionalLong nanos(Event event) {
        if (event.getTimeNano() != null && event.getTimeNano() > 0) {
            return OptionalLong.of(event.getTimeNano());
        }
        return event.getTime() == null ? OptionalLong.empty() : OptionalLong.of(event.getTime() * NANOS_PER_SECOND);
    }
}
