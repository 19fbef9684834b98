package io.aegisops.dashboard.rest;

import io.aegisops.dashboard.push.Presence;
import io.aegisops.dashboard.service.ActivityEntry;
import io.aegisops.dashboard.service.ActivityLog;
import io.aegisops.dashboard.service.Stats;
import io.aegisops.dashboard.service.StatsService;
import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.rest.Violations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The room itself: who is here, what they did, and the figures. What a page loads before its stream opens. */
@Path("/api")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "room")
public class RoomResource {

    private final Presence presence;
    private final ActivityLog activity;
    private final StatsService stats;

    public RoomResource(Presence presence, ActivityLog activity, StatsService stats) {
        this.presence = presence;
        this.activity = activity;
        this.stats = stats;
    }

    @GET
    @Path("presence")
    @Operation(summary = "Names of the people with the war room open")
    public List<String> presence() {
        return presence.users();
    }

    @GET
    @Path("activity")
    @Operation(summary = "Who did what through the war room, newest first")
    public List<ActivityEntry> activity(@QueryParam("limit") Integer limit) {
        Violations violations = new Violations();
        int pageSize = Inputs.limit(limit, 50, 500, violations);
        violations.throwIfAny();
        return activity.recent(pageSize);
    }

    @GET
    @Path("stats")
    @Operation(summary = "MTTD, MTTR and the recent incidents for the chart")
    public Stats stats() {
        return stats.current();
    }
}
