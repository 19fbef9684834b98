package io.aegisops.approval.slack;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts notification outcomes ({@code aegis_slack_notifications_total{outcome,way}} on {@code /q/metrics}), so
 * a Slack outage shows on a dashboard and can be alerted on, not only in the log.
 */
@ApplicationScoped
public class NotificationMetrics {

    static final String COUNTER = "aegis.slack.notifications";

    private final MeterRegistry registry;

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param outcome delivered, retried, failed or logged */
    void count(String outcome, SlackMode.Way way) {
        registry.counter(COUNTER, "outcome", outcome, "way", way.label).increment();
    }
}
