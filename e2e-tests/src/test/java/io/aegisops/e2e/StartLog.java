package io.aegisops.e2e;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import io.aegisops.dockerkit.EventTimes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the engine's container {@code start} events from a moment on, live. Exists because the engine keeps
 * only its last 256 events: with six health-checked services (three exec events each every 5 s) that history
 * covers about a minute, too short to count the starts of a case that waits for a 60 s verification.
 * Subscribing with {@code since} set to the moment also replays the starts between that moment and the
 * subscription, so nothing is lost to the race. The engine stores an event in that history and publishes it live
 * in two steps, so a subscription between them gets the event twice: a start is counted once per distinct
 * nanosecond timestamp, which two real starts never share.
 */
public final class StartLog implements AutoCloseable {

    private final Map<String, Set<Long>> starts = new ConcurrentHashMap<>();
    private final ResultCallback.Adapter<Event> subscription;

    private StartLog(Instant since) {
        long sinceNanos = since.getEpochSecond() * 1_000_000_000L + since.getNano();
        subscription = Stack.docker().eventsCmd()
                .withSince(String.valueOf(since.getEpochSecond()))
                .withEventFilter("start")
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event event) {
                        OptionalLong at = EventTimes.nanos(event);
                        if (event.getId() != null && at.isPresent() && at.getAsLong() >= sinceNanos) {
                            starts.computeIfAbsent(event.getId(), id -> ConcurrentHashMap.newKeySet()).add(at.getAsLong());
                        }
                    }
                });
    }

    /** Starts counting every container start from {@code since} (which must be at most a few seconds ago). */
    public static StartLog since(Instant since) {
        return new StartLog(since);
    }

    /** How many times the engine started the container (first start or restart) since the log's moment. */
    public int of(String containerId) {
        Set<Long> seen = starts.get(containerId);
        return seen == null ? 0 : seen.size();
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
