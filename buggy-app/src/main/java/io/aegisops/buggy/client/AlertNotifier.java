package io.aegisops.buggy.client;

import io.aegisops.buggy.config.BuggyConfig;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AppAlert;
import io.aegisops.contract.Severity;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The app's way of telling monitor-service about its trouble. Hands alerts to an {@link AlertDispatcher} (or
 * only logs them when no monitor URL is configured) and keeps what became of the last alert of each type, plus
 * counters, for {@code GET /watch} and the metrics. Created at start-up so a malformed monitor URL fails the
 * container at once rather than at the first alert.
 */
@Startup
@ApplicationScoped
public class AlertNotifier implements DeliveryListener {

    private static final Logger LOG = Logger.getLogger(AlertNotifier.class);

    /** What to set so monitor-service takes the alerts. */
    static final String TOKEN_HINT = "set AEGIS_INTAKE_TOKEN (buggy.monitor-token) to an AegisOps API token with the "
            + "reporter role";

    /** What became of an alert. */
    public enum Delivery { QUEUED, DELIVERED, FAILED, DROPPED, LOGGED_ONLY }

    /** The last alert of one type and its delivery, as {@code GET /watch} shows it. */
    public record LastAlert(Severity severity, String summary, OffsetDateTime observedAt, Delivery delivery,
                            int attempts, String error) {
    }

    private record Entry(AppAlert alert, LastAlert view) {
    }

    private final MeterRegistry registry;
    private final AlertDispatcher dispatcher;
    private final Map<AlertType, Entry> last = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public AlertNotifier(BuggyConfig config, MeterRegistry registry) {
        this.registry = registry;
        Optional<URI> monitor = config.monitorUrl().filter(url -> !url.isBlank()).map(AlertNotifier::parse);
        Optional<String> token = config.monitorToken().map(String::strip).filter(t -> !t.isEmpty());
        BuggyConfig.Alerts alerts = config.alerts();
        this.dispatcher = monitor.map(url -> new AlertDispatcher(
                new RestAlertTransport(url, token, alerts.connectTimeout(), alerts.readTimeout()),
                alerts.queueCapacity(), alerts.maxAttempts(), alerts.backoff(), this)).orElse(null);
        if (dispatcher == null) {
            LOG.info("No monitor URL configured (AEGIS_MONITOR_URL): self-watch alerts will only be logged");
        } else {
            // The host only: a URL may carry credentials, and those never go to the log; nor does the token.
            LOG.infof("Self-watch alerts go to monitor-service at host %s", monitor.get().getHost());
            if (token.isEmpty()) {
                LOG.warn("No intake token configured: monitor-service will refuse every self-watch alert with 401; "
                        + TOKEN_HINT);
            }
        }
        for (AlertType type : new AlertType[]{AlertType.MEMORY_PRESSURE, AlertType.CPU_SATURATION,
                AlertType.LATENCY}) {
            registry.counter("buggy.alerts.sent", "type", type.name());
            registry.counter("buggy.alerts.failed", "type", type.name());
        }
        registry.counter("buggy.alerts.dropped");
    }

    /** Sends (or, without a monitor, only records) the alert; never blocks. */
    public void publish(AppAlert alert) {
        if (dispatcher == null) {
            remember(alert, Delivery.LOGGED_ONLY, 0, null);
            return;
        }
        remember(alert, Delivery.QUEUED, 0, null);
        dispatcher.offer(alert);
    }

    public boolean monitorConfigured() {
        return dispatcher != null;
    }

    /** The last alert of each type, in type order. */
    public Map<AlertType, LastAlert> lastAlerts() {
        Map<AlertType, LastAlert> view = new TreeMap<>();
        last.forEach((type, entry) -> view.put(type, entry.view()));
        return view;
    }

    public long sentCount() {
        return sent.get();
    }

    public long failedCount() {
        return failed.get();
    }

    public long droppedCount() {
        return dropped.get();
    }

    @Override
    public void delivered(AppAlert alert, int attempts) {
        sent.incrementAndGet();
        registry.counter("buggy.alerts.sent", "type", alert.type().name()).increment();
        update(alert, Delivery.DELIVERED, attempts, null);
    }

    @Override
    public void failed(AppAlert alert, int attempts, String reason) {
        failed.incrementAndGet();
        registry.counter("buggy.alerts.failed", "type", alert.type().name()).increment();
        update(alert, Delivery.FAILED, attempts, reason);
    }

    @Override
    public void dropped(AppAlert alert) {
        dropped.incrementAndGet();
        registry.counter("buggy.alerts.dropped").increment();
        update(alert, Delivery.DROPPED, 0, null);
    }

    @PreDestroy
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    private void remember(AppAlert alert, Delivery delivery, int attempts, String error) {
        last.put(alert.type(), new Entry(alert, view(alert, delivery, attempts, error)));
    }

    /** Only the alert still shown for its type is updated; an older one finishing late must not overwrite it. */
    private void update(AppAlert alert, Delivery delivery, int attempts, String error) {
        last.computeIfPresent(alert.type(), (type, entry) -> entry.alert() == alert
                ? new Entry(alert, view(alert, delivery, attempts, error)) : entry);
    }

    private static LastAlert view(AppAlert alert, Delivery delivery, int attempts, String error) {
        return new LastAlert(alert.severity(), alert.summary(), alert.observedAt(), delivery, attempts, error);
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException("(not shown)", "not an absolute http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            // The value itself is not repeated: it may embed credentials.
            throw new IllegalStateException("buggy.monitor-url (AEGIS_MONITOR_URL) is invalid: " + e.getReason());
        }
    }
}
