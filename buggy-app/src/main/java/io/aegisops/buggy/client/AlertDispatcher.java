package io.aegisops.buggy.client;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.AppAlert;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * Delivers alerts on a thread of its own so that the sampler (and the app) never waits for monitor-service.
 * The rules that keep a dead or slow monitor harmless live here: a bounded queue that drops its oldest alert
 * when full, a bounded number of tries with doubling backoff, and a failure logged once per alert type (until
 * that type gets through again) instead of once per alert.
 */
public final class AlertDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);

    private final AlertTransport transport;
    private final int maxAttempts;
    private final Duration backoff;
    private final DeliveryListener listener;
    private final LinkedBlockingDeque<AppAlert> queue;
    private final Object offerLock = new Object();
    private final Set<AlertType> failingTypes = ConcurrentHashMap.newKeySet();
    private final Thread worker;
    private volatile boolean running = true;

    public AlertDispatcher(AlertTransport transport, int capacity, int maxAttempts, Duration backoff,
                           DeliveryListener listener) {
        if (capacity < 1 || maxAttempts < 1 || backoff.isNegative()) {
            throw new IllegalArgumentException("capacity and attempts must be positive, backoff not negative");
        }
        this.transport = transport;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.listener = listener;
        this.queue = new LinkedBlockingDeque<>(capacity);
        this.worker = new Thread(this::drain, "alert-dispatcher");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues the alert and returns at once; when the queue is full its oldest alert is dropped. */
    public void offer(AppAlert alert) {
        AppAlert dropped = null;
        synchronized (offerLock) {
            while (!queue.offerLast(alert)) {
                AppAlert oldest = queue.pollFirst();
                if (oldest != null) {
                    dropped = oldest;
                }
            }
        }
        if (dropped != null) {
            LOG.warnf("Alert queue full (%d waiting): dropped the oldest, a %s alert observed at %s",
                    queue.size(), dropped.type(), dropped.observedAt());
            listener.dropped(dropped);
        }
    }

    /** Alerts waiting for delivery (not counting one being delivered). */
    public int pending() {
        return queue.size();
    }

    /** Stops delivering; alerts still queued are abandoned, as they would be by a crash. */
    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        while (running) {
            AppAlert alert;
            try {
                alert = queue.takeFirst();
            } catch (InterruptedException e) {
                return;
            }
            try {
                deliver(alert);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A listener bug must not end delivery for good.
                LOG.error("Unexpected error while delivering an alert", e);
            }
        }
    }

    private void deliver(AppAlert alert) throws InterruptedException {
        String reason = "no attempt made";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                transport.send(alert);
                if (failingTypes.remove(alert.type())) {
                    LOG.infof("%s alerts reach monitor-service again", alert.type());
                }
                listener.delivered(alert, attempt);
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                reason = describe(e);
            }
            if (attempt < maxAttempts) {
                Thread.sleep(backoff.toMillis() << (attempt - 1));
            }
        }
        if (failingTypes.add(alert.type())) {
            LOG.warnf("Could not deliver a %s alert to monitor-service after %d attempts: %s. Further failures "
                    + "for this type are only counted until one gets through", alert.type(), maxAttempts, reason);
        }
        listener.failed(alert, maxAttempts, reason);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }
}
