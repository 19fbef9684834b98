package io.aegisops.dashboard.push;

import io.aegisops.dashboard.service.ActivityLog;
import io.aegisops.dashboard.service.ReadModel;
import io.aegisops.dashboard.service.StatsService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * What happens when people enter and leave the room and when an incident changes: presence and the activity
 * feed follow the streams, and every page gets the new card and figures.
 */
@ApplicationScoped
public class WarRoom {

    private static final Logger LOG = Logger.getLogger(WarRoom.class);

    private final PushHub hub;
    private final Presence presence;
    private final ActivityLog activity;
    private final ReadModel readModel;
    private final StatsService stats;
    private final ManagedExecutor executor;

    public WarRoom(PushHub hub, Presence presence, ActivityLog activity, ReadModel readModel, StatsService stats,
                   ManagedExecutor executor) {
        this.hub = hub;
        this.presence = presence;
        this.activity = activity;
        this.readModel = readModel;
        this.stats = stats;
        this.executor = executor;
    }

    /** A page opens its stream under its signed-in name; it gets a welcome with who is here, the others a presence update. */
    public Multi<PushMessage> enter(String name) {
        return hub.open(streamId -> {
            boolean arrived = presence.join(streamId, name);
            hub.sendTo(streamId, "welcome", Map.of("name", name, "stream", streamId, "users", presence.users()));
            hub.broadcast("presence", presence.users());
            if (arrived) {
                record(name, "joined the war room");
            }
        }, streamId -> {
            presence.leave(streamId).ifPresent(left -> record(left, "left the war room"));
            hub.broadcast("presence", presence.users());
        });
    }

    /** Pushes an incident's new card and the new figures to every page. */
    public void incidentChanged(String incidentId) {
        if (hub.size() == 0) {
            return;
        }
        readModel.card(incidentId).ifPresent(card -> hub.broadcast("incident", card));
        hub.broadcast("stats", stats.current());
    }

    /** Keeps idle streams alive through proxies and lets the server notice pages that went away. */
    @Scheduled(every = "${aegis.dashboard.heartbeat-interval:15s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heartbeat() {
        hub.broadcast("ping", OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** On a worker thread: streams open and close on the I/O thread, which must not wait for the database. */
    private void record(String name, String action) {
        executor.execute(() -> {
            try {
                activity.ok(name, action, null, null);
            } catch (RuntimeException e) {
                // Presence must work even while the database is away; the feed just misses the line.
                LOG.warnf("Could not record that %s %s: %s", name, action, e.getMessage());
            }
        });
    }
}
