package io.aegisops.e2e;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the engine's container {@code start} events from a moment on, live. Exists because the engine keeps
 * only its last 256 events: with six health-checked services (three exec events each every 5 s) that history
 * covers about a minute, too short to count the starts of a case that waits for a 60 s verification.
 * Subscribing with {@code since} set to the moment also replays the starts between that moment and the
 * subscription, so nothing is lost to the race.
 */
public final class StartLog implements AutoCloseable {

    private final Map<String, AtomicInteger> starts = new ConcurrentHashMap<>();
    private final ResultCallback.Adapter<Event> subscription;

    private StartLog(Instant since) {
        long sinceNanos = since.getEpochSecond() * 1_000_000_000L + since.getNano();
        subscription = Stack.docker().eventsCmd()
                .withSince(String.valueOf(since.getEpochSecond()))
                .withEventFilter("start")
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event event) {
                        if (event.getId() != null && (event.getTimeNano() == null || event.getTimeNano() >= sinceNanos)) {
                            starts.computeIfAbsent(event.getId(), id -> new AtomicInteger()).incrementAndGet();
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
        AtomicInteger count = starts.get(containerId);
        return count == null ? 0 : count.get();
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
