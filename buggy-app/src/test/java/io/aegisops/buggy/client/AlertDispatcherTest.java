package io.aegisops.buggy.client;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.AppAlert;
import io.aegisops.contract.Severity;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.aegisops.buggy.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

class AlertDispatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger dispatcherLog = Logger.getLogger(AlertDispatcher.class.getName());
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final DeliveryListener recorder = new DeliveryListener() {
        @Override
        public void delivered(AppAlert alert, int attempts) {
            events.add("delivered " + alert.summary() + " after " + attempts);
        }

        @Override
        public void failed(AppAlert alert, int attempts, String reason) {
            events.add("failed " + alert.summary() + " after " + attempts);
        }

        @Override
        public void dropped(AppAlert alert) {
            events.add("dropped " + alert.summary());
        }
    };
    private AlertDispatcher dispatcher;

    @BeforeEach
    void captureWarnings() {
        dispatcherLog.addHandler(logCapture);
    }

    @AfterEach
    void cleanUp() {
        dispatcherLog.removeHandler(logCapture);
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private static AppAlert alert(AlertType type, String summary) {
        return new AppAlert(type, "buggy-app", "c0ffee", Severity.WARNING, summary, Map.of(), List.of(),
                OffsetDateTime.now());
    }

    @Test
    void shouldDeliverAQueuedAlert() {
        List<AppAlert> sent = new CopyOnWriteArrayList<>();
        dispatcher = new AlertDispatcher(sent::add, 5, 3, Duration.ofMillis(1), recorder);

        dispatcher.offer(alert(AlertType.LATENCY, "slow"));

        within(WAIT, () -> assertThat(events).containsExactly("delivered slow after 1"));
        assertThat(sent).extracting(AppAlert::summary).containsExactly("slow");
    }

    @Test
    void shouldRetryABoundedNumberOfTimesThenGiveUp() {
        AtomicInteger attempts = new AtomicInteger();
        dispatcher = new AlertDispatcher(a -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("HTTP 500");
        }, 5, 3, Duration.ofMillis(1), recorder);

        dispatcher.offer(alert(AlertType.LATENCY, "slow"));

        within(WAIT, () -> assertThat(events).containsExactly("failed slow after 3"));
        assertThat(attempts).hasValue(3);
    }

    @Test
    void shouldSucceedOnALaterTry() {
        AtomicInteger attempts = new AtomicInteger();
        dispatcher = new AlertDispatcher(a -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("connection refused");
            }
        }, 5, 3, Duration.ofMillis(1), recorder);

        dispatcher.offer(alert(AlertType.CPU_SATURATION, "busy"));

        within(WAIT, () -> assertThat(events).containsExactly("delivered busy after 3"));
    }

    @Test
    void shouldLogFailuresOncePerTypeUntilOneGetsThrough() {
        AtomicInteger mode = new AtomicInteger(); // 0 = failing, 1 = working
        dispatcher = new AlertDispatcher(a -> {
            if (mode.get() == 0) {
                throw new IllegalStateException("HTTP 500");
            }
        }, 10, 2, Duration.ofMillis(1), recorder);

        for (int i = 0; i < 4; i++) {
            dispatcher.offer(alert(AlertType.MEMORY_PRESSURE, "heap " + i));
        }
        dispatcher.offer(alert(AlertType.LATENCY, "slow"));
        within(WAIT, () -> assertThat(events).hasSize(5).allMatch(e -> e.startsWith("failed")));

        assertThat(warnings).hasSize(2);
        assertThat(warnings).anyMatch(w -> w.contains("MEMORY_PRESSURE alert") && w.contains("HTTP 500"));
        assertThat(warnings).anyMatch(w -> w.contains("LATENCY alert"));

        mode.set(1);
        dispatcher.offer(alert(AlertType.MEMORY_PRESSURE, "heap ok"));
        within(WAIT, () -> assertThat(events).contains("delivered heap ok after 1"));
        mode.set(0);
        dispatcher.offer(alert(AlertType.MEMORY_PRESSURE, "heap again"));
        within(WAIT, () -> assertThat(events).contains("failed heap again after 2"));

        assertThat(warnings).hasSize(3);
    }

    @Test
    void shouldNeverBlockTheCallerAndDropTheOldestWhenFull() throws Exception {
        CountDownLatch hung = new CountDownLatch(1);
        CountDownLatch firstTaken = new CountDownLatch(1);
        List<String> sent = new CopyOnWriteArrayList<>();
        dispatcher = new AlertDispatcher(a -> {
            firstTaken.countDown();
            hung.await(); // a monitor that never answers (until released)
            sent.add(a.summary());
        }, 2, 1, Duration.ZERO, recorder);

        dispatcher.offer(alert(AlertType.LATENCY, "a"));
        assertThat(firstTaken.await(10, TimeUnit.SECONDS)).isTrue();
        for (String summary : List.of("b", "c", "d", "e")) {
            dispatcher.offer(alert(AlertType.LATENCY, summary));
        }

        // All offers returned although delivery is stuck; the queue kept the newest two.
        assertThat(dispatcher.pending()).isEqualTo(2);
        assertThat(events).containsExactly("dropped b", "dropped c");

        hung.countDown();
        within(WAIT, () -> assertThat(sent).containsExactly("a", "d", "e"));
    }
}
