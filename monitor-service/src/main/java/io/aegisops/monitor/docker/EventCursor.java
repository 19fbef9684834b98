package io.aegisops.monitor.docker;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the event stream stands. Exists so a reconnect, or a restart of the service, resumes exactly where the
 * last processed event left off: the engine replays everything at or after {@code since} from its buffer, so
 * nothing between the two connections is lost, and the events at the boundary (delivered twice) are recognised
 * and dropped. An event counts as processed only once its alert is durable, so a write that is still being
 * retried when the process dies is replayed on the next start. Used by the single event-stream thread only.
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
        this.sinceNanos = nanosOf(start);
    }

    static long nanosOf(Instant instant) {
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }

    /** Moves the start back to where an earlier run of the service stopped; only before any event was processed. */
    void resumeFrom(long savedNanos) {
        if (!seen.isEmpty()) {
            throw new IllegalStateException("the cursor already moved; it can only resume before the first event");
        }
        sinceNanos = savedNanos;
    }

    /** False when this event was already processed (a replay across a reconnect); skip it then. */
    boolean isNew(ContainerEvent event) {
        return !seen.containsKey(event.dedupeKey());
    }

    /** Records the event as processed (its alert, if any, is durable) and moves the cursor forward. */
    void processed(ContainerEvent event) {
        seen.put(event.dedupeKey(), Boolean.TRUE);
        if (event.timeNanos() > sinceNanos) {
            sinceNanos = event.timeNanos();
        }
    }

    /** {@link #since()} as nanoseconds since the epoch: what is saved for the next start. */
    long sinceNanos() {
        return sinceNanos;
    }

    /** The Engine API's {@code since} value, {@code seconds.nanoseconds}, inclusive of the last event seen. */
    String since() {
        return format(sinceNanos);
    }

    /** A time as the Engine API's {@code since}/{@code until} read it: {@code seconds.nanoseconds}. */
    static String format(long nanos) {
        return (nanos / NANOS_PER_SECOND) + "." + String.format("%09d", nanos % NANOS_PER_SECOND);
    }
}
