package io.aegisops.dashboard.push;

import io.aegisops.kit.auth.Actors;
import io.aegisops.kit.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The live feed of a page (server-sent events): incidents, figures, presence, activity, containers, service
 * health and notifications, as they change. SSE rather than WebSocket: the traffic is one-way (actions are
 * plain REST calls), browsers reconnect by themselves, and it needs no extension beyond Quarkus REST. The page is
 * in the room under the signed-in name: nobody can appear in presence as someone else.
 */
@Path("/api/stream")
@Tag(name = "live")
public class StreamResource {

    private final WarRoom room;
    private final SecurityIdentity identity;

    public StreamResource(WarRoom room, SecurityIdentity identity) {
        this.room = room;
        this.identity = identity;
    }

    /** Blocking only to read the identity (which may have to be looked up); the stream itself is not. */
    @GET
    @Blocking
    @RolesAllowed(Roles.VIEWER)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live updates for one page, shown in presence under the signed-in name",
            description = "Each event's data is {\"type\": ..., \"data\": ...}; types: welcome, presence, incident, "
                    + "stats, activity, platform, notifications, ping")
    public Multi<PushMessage> stream() {
        return room.enter(Actors.name(identity));
    }
}
