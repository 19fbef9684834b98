package io.aegisops.dashboard.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.dashboard.client.Caller;
import io.aegisops.dashboard.client.Downstream;
import io.aegisops.dashboard.client.DownstreamClient;
import io.aegisops.dashboard.service.DownstreamWatch;
import io.aegisops.dashboard.service.NotificationFeed;
import io.aegisops.dashboard.service.Platform;
import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.rest.Violations;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the other services know and Kafka does not carry: containers with their restart budget, service
 * readiness and Slack delivery. Answers from the watcher's latest look (read with the dashboard's own viewer token,
 * which any reader here holds at least), or asks directly as the person asking.
 */
@Path("/api")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "platform")
public class PlatformResource {

    private final DownstreamWatch watch;
    private final DownstreamClient client;
    private final SecurityIdentity identity;

    public PlatformResource(DownstreamWatch watch, DownstreamClient client, SecurityIdentity identity) {
        this.watch = watch;
        this.client = client;
        this.identity = identity;
    }

    @GET
    @Path("platform")
    @Operation(summary = "Service readiness, opted-in containers and active faults, as the cards show them")
    public Platform platform() {
        return watch.platform();
    }

    @GET
    @Path("containers")
    @Operation(summary = "Opted-in containers from remediation-service: state, health, restart budget, last action")
    public JsonNode containers() {
        return client.get(Caller.of(identity), Downstream.REMEDIATION, "/api/containers");
    }

    @GET
    @Path("notifications")
    @Operation(summary = "Slack notifications and their delivery, from approval-service",
            description = "Without incidentId: the watcher's latest look at the newest ones (with the reason when "
                    + "approval-service could not be asked); with incidentId: that incident's, in order")
    public Object notifications(@QueryParam("incidentId") String incidentId) {
        Violations violations = new Violations();
        String incident = Inputs.optionalUuid(incidentId, "incidentId", violations);
        violations.throwIfAny();
        if (incident == null) {
            NotificationFeed feed = watch.notifications();
            return feed;
        }
        return client.get(Caller.of(identity), Downstream.APPROVAL, "/api/notifications?incidentId=" + incident);
    }
}
