package io.aegisops.monitor.docker;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the event stream stands. Exists so a reconnect resumes exactly where the last connection stopped:
 * the engine replays everything at or after {@code since} from its buffer, so nothing between the two
 * connections is lost, and the events at the boundary (delivered twice) are recognised and dropped.
 * Used by the single event-stream thread only.
 */
final class EventCursor {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** The engine replays at most its last 256 events, so remembering a few thousand keys is plenty. */
    private static final int REMEMBERED_EVENTS = 4096;

    private long sinceNanos;

    private final Map<String, Boolean> seen = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_EVENTS;
        }
    };

    /** Starts at {@code start}: the first connection already asks for everything from the moment the watcher started. */
    EventCursor(Instant start) {
        this.sinceNanos = start.getEpochSecond() * NANOS_PER_SECOND + start.getNano();
    }

    /**
     * Records the event and moves the cursor forward.
     *
     * @return false when this event was already delivered (a replay across a reconnect); skip it then
     */
    boolean firstDelivery(ContainerEvent event) {
        if (seen.putIfAbsent(event.dedupeKey(), Boolean.TRUE) != null) {
            return false;
        }
        if (event.timeNanos() > sinceNanos) {
            sinceNanos = event.timeNanos();
        }
        return true;
    }

    /** The Engine API's {@code since} value, {@code seconds.nanoseconds}, inclusive of the last event seen. */
    String since() {
        return (sinceNanos / NANOS_PER_SECOND) + "." + String.format("%09d", sinceNanos % NANOS_PER_SECOND);
    }
}
