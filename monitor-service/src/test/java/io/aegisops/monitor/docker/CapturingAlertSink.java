package io.aegisops.monitor.docker;

import io.aegisops.monitor.service.AlertSink;
import io.aegisops.monitor.service.NewAlert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.fail;

/** Records every alert handed to the sink, so tests can wait for and inspect what an intake produced. */
final class CapturingAlertSink implements AlertSink {

    private final List<NewAlert> alerts = new ArrayList<>();
    private int failuresToThrow;

    @Override
    public synchronized String accept(NewAlert alert) {
        if (failuresToThrow > 0) {
            failuresToThrow--;
            throw new IllegalStateException("database unavailable (simulated)");
        }
        alerts.add(alert);
        notifyAll();
        return "incident-" + alerts.size();
    }

    /** Makes the next {@code count} calls fail, as a sink whose database is down would. */
    synchronized void failNext(int count) {
        failuresToThrow = count;
    }

    synchronized List<NewAlert> all() {
        return List.copyOf(alerts);
    }

    synchronized List<NewAlert> about(String container) {
        return alerts.stream().filter(a -> container.equals(a.container())).toList();
    }

    /** Waits until an alert about {@code container} matching {@code condition} arrived; fails after {@code timeout}. */
    synchronized NewAlert await(String container, Predicate<NewAlert> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (NewAlert alert : alerts) {
                if (container.equals(alert.container()) && condition.test(alert)) {
                    return alert;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail("No matching alert about %s within %s; got %s", container, timeout, alerts);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted");
            }
        }
    }
}
