package io.aegisops.dashboard.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the other services are and how the war room talks to them. Typed so a wrong URL or duration stops
 * start-up with the key's name instead of failing on the first click; production values come from the
 * environment (see application.properties for the variable of each key).
 */
@ConfigMapping(prefix = "aegis.dashboard")
public interface DashboardConfig {

    /** monitor-service: incidents with their alerts (evidence) and manual resolution. */
    URI monitorUrl();

    /** diagnosis-service: only its health is shown; diagnoses arrive on Kafka. */
    URI diagnosisUrl();

    /** remediation-service: opted-in containers with state, health and restart budget. */
    URI remediationUrl();

    /** approval-service: approvals, decisions, comments and Slack notifications. */
    URI approvalUrl();

    /** buggy-app: the fault buttons. */
    URI buggyUrl();

    /** The incident target (logical service) whose card carries the fault buttons. */
    @WithDefault("buggy-app")
    String buggyTarget();

    /** How long one call to another service may take before the user is told it timed out. */
    @WithDefault("5s")
    Duration requestTimeout();

    /**
     * How long injecting a fault may take: buggy-app answers a leak only once the heap is filled, seconds on a busy
     * machine (measured: 4 s for 220 MB on an idle one, past 5 s under load), so the ordinary timeout would report a
     * fault that is in place as failed.
     */
    @WithDefault("30s")
    Duration faultTimeout();

    /** How often containers, faults, service health and notifications are refreshed while a page is open. */
    @WithDefault("2s")
    Duration watchInterval();

    /** How often an open page gets a keep-alive event (lets proxies and the server notice dead connections). */
    @WithDefault("15s")
    Duration heartbeatInterval();

    /** Closed incidents older than this are removed from the read model. */
    @WithDefault("P30D")
    Duration retention();

    /** How many recent incidents MTTD, MTTR and the chart are computed over. */
    @WithDefault("50")
    int statsWindow();

    /**
     * The dashboard's own API token (principal {@code dashboard}, role viewer; env AEGIS_DASHBOARD_TOKEN): only for
     * the watcher's reads that no user asks for. A user's action always carries that user's token.
     */
    Optional<String> serviceToken();

    /**
     * Whether the session cookie is marked {@code Secure}. Off by default because the stack serves plain http on
     * loopback, where a browser would not send a Secure cookie back; on behind TLS.
     */
    @WithDefault("false")
    boolean secureCookie();
}
