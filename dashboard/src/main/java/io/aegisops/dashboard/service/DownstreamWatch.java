package io.aegisops.dashboard.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.dashboard.client.Caller;
import io.aegisops.dashboard.client.Downstream;
import io.aegisops.dashboard.client.DownstreamClient;
import io.aegisops.dashboard.config.DashboardConfig;
import io.aegisops.dashboard.push.PushHub;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Follows what has no event on Kafka: container state and restart budget, buggy-app's faults, each service's
 * readiness and Slack delivery. Asks every service at once while a page is open, and pushes only what changed.
 * No user makes these calls, so they carry the dashboard's own viewer token (readiness probes carry none).
 */
@ApplicationScoped
public class DownstreamWatch {

    static final int NOTIFICATIONS = 30;

    private final DownstreamClient client;
    private final DashboardConfig config;
    private final PushHub hub;
    private volatile Platform platform;
    private volatile NotificationFeed notifications;
    private volatile long refreshedAt;

    private final Caller self;

    public DownstreamWatch(DownstreamClient client, DashboardConfig config, PushHub hub) {
        this.client = client;
        this.config = config;
        this.hub = hub;
        this.self = Caller.service(config.serviceToken());
    }

    /** Polls only while someone is looking; pages get the current state through the REST calls on load. */
    @Scheduled(every = "${aegis.dashboard.watch-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        if (hub.size() > 0) {
            refresh();
        }
    }

    /** The latest platform state, refreshed first when older than two poll intervals. */
    public Platform platform() {
        if (platform == null || stale()) {
            refresh();
        }
        return platform;
    }

    /** The latest notifications, refreshed first when older than two poll intervals. */
    public NotificationFeed notifications() {
        if (notifications == null || stale()) {
            refresh();
        }
        return notifications;
    }

    /** Asks everything now and pushes what changed (after a click that changes a container or a fault). */
    public synchronized void refresh() {
        Duration timeout = config.requestTimeout();
        Map<Downstream, CompletableFuture<JsonNode>> health = new LinkedHashMap<>();
        for (Downstream service : Downstream.values()) {
            health.put(service, client.getAsync(Caller.NOBODY, service, "/q/health/ready", timeout));
        }
        CompletableFuture<JsonNode> containers = client.getAsync(self, Downstream.REMEDIATION, "/api/containers", timeout);
        CompletableFuture<JsonNode> faults = client.getAsync(Caller.NOBODY, Downstream.BUGGY, "/faults", timeout);
        CompletableFuture<JsonNode> sent = client.getAsync(self, Downstream.APPROVAL,
                "/api/notifications?limit=" + NOTIFICATIONS, timeout);

        List<Platform.ServiceHealth> services = new ArrayList<>();
        health.forEach((service, answer) -> {
            String problem = problem(answer);
            services.add(new Platform.ServiceHealth(service.serviceName(), problem == null, problem));
        });
        Platform next = new Platform(List.copyOf(services), value(containers), problem(containers), value(faults),
                problem(faults), config.buggyTarget());
        NotificationFeed feed = new NotificationFeed(value(sent), problem(sent));
        refreshedAt = System.nanoTime();
        if (!Objects.equals(next, platform)) {
            platform = next;
            hub.broadcast("platform", next);
        }
        if (!Objects.equals(feed, notifications)) {
            notifications = feed;
            hub.broadcast("notifications", feed);
        }
    }

    private boolean stale() {
        return System.nanoTime() - refreshedAt > config.watchInterval().multipliedBy(2).toNanos();
    }

    private static JsonNode value(CompletableFuture<JsonNode> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            return null;
        }
    }

    private static String problem(CompletableFuture<JsonNode> answer) {
        try {
            answer.join();
            return null;
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
    }
}
