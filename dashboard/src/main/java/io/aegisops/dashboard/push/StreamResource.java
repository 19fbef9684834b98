package io.aegisops.dashboard.push;

import io.aegisops.dashboard.rest.Inputs;
import io.aegisops.kit.rest.Violations;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The live feed of a page (server-sent events): incidents, figures, presence, activity, containers, service
 * health and notifications, as they change. SSE rather than WebSocket: the traffic is one-way (actions are
 * plain REST calls), browsers reconnect by themselves, and it needs no extension beyond Quarkus REST.
 */
@Path("/api/stream")
@Tag(name = "live")
public class StreamResource {

    private final WarRoom room;

    public StreamResource(WarRoom room) {
        this.room = room;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live updates for one page; name: who is looking (shown in presence)",
            description = "Each event's data is {\"type\": ..., \"data\": ...}; types: welcome, presence, incident, "
                    + "stats, activity, platform, notifications, ping")
    public Multi<PushMessage> stream(@QueryParam("name") String name) {
        Violations violations = new Violations();
        String who = Inputs.actor(name, "name", violations);
        violations.throwIfAny();
        return room.enter(who);
    }
}
