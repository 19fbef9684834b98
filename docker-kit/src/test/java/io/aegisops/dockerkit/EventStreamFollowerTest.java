package io.aegisops.dockerkit;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follower's contract with a scripted opener standing in for the engine's connection: every connection
 * that ends is re-opened from the owner's current position, and a handler that throws does not end the stream.
 * The real engine (restarted under a live stream) is exercised by monitor-service's DockerEventWatcherReconnectIT.
 */
class EventStreamFollowerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void shouldReopenFromTheOwnersPositionAfterEachEndAndKeepGoingPastAFailingHandler() throws Exception {
        LinkedBlockingQueue<String> opens = new LinkedBlockingQueue<>();
        AtomicInteger position = new AtomicInteger();
        List<String> handled = new CopyOnWriteArrayList<>();
        EventStreamFollower follower = new EventStreamFollower("test-events",
                (since, callback) -> {
                    opens.add(since);
                    connect(callback, since);
                },
                () -> Integer.toString(position.get()),
                event -> {
                    if ("boom".equals(event.getId())) {
                        throw new IllegalStateException("handler failure");
                    }
                    handled.add(event.getId());
                    position.incrementAndGet();
                },
                new Backoff("test", Duration.ofMillis(10), Duration.ofMillis(20)));

        follower.start();
        try {
            assertThat(opens.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("0");
            assertThat(opens.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("1");
            assertThat(opens.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("2");
        } finally {
            follower.stop();
        }

        assertThat(handled).startsWith("event-from-0", "event-from-1");
        assertThat(follower.reconnects()).isGreaterThanOrEqualTo(2);
        assertThat(follower.lastProblem()).hasValueSatisfying(p -> assertThat(p).contains("engine went away"));
        assertThat(follower.isRunning()).isFalse();
        assertThat(follower.isConnected()).isFalse();
    }

    /** One connection: a throwing event, one good event, then the engine goes away. */
    private static void connect(ResultCallback<Event> callback, String since) {
        callback.onStart(() -> { });
        callback.onNext(new Event("start", "boom", "image", 1L));
        callback.onNext(new Event("start", "event-from-" + since, "image", 1L));
        callback.onError(new java.io.IOException("engine went away"));
    }
}
