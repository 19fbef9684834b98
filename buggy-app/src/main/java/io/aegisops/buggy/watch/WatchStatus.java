package io.aegisops.buggy.watch;

import io.aegisops.buggy.client.AlertNotifier;
import io.aegisops.contract.AlertType;

import java.util.List;
import java.util.Map;

/**
 * What {@code GET /watch} answers: the last sample, what it breached, and what became of the alerts.
 *
 * @param service           the service name alerts carry
 * @param container         the container name alerts carry
 * @param samples           ticks taken since start
 * @param probesSkipped     ticks that found the previous probe still running
 * @param lastSample        null before the first tick
 * @param breaches          thresholds crossed by the last sample
 * @param lastAlerts        the last alert raised per type and its delivery
 * @param alertsSent        alerts monitor-service accepted
 * @param sendFailures      alerts that failed every try
 * @param alertsDropped     alerts dropped from a full queue
 * @param monitorConfigured false when alerts are only logged
 */
public record WatchStatus(
        String service,
        String container,
        long samples,
        long probesSkipped,
        Sample lastSample,
        List<Breach> breaches,
        Map<AlertType, AlertNotifier.LastAlert> lastAlerts,
        long alertsSent,
        long sendFailures,
        long alertsDropped,
        boolean monitorConfigured) {
}
