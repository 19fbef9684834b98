package io.aegisops.dashboard.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.dashboard.client.Caller;
import io.aegisops.dashboard.client.Downstream;
import io.aegisops.dashboard.client.DownstreamClient;
import io.aegisops.dashboard.client.DownstreamException;
import io.aegisops.dashboard.service.ActivityLog;
import io.aegisops.dashboard.service.IncidentCard;
import io.aegisops.dashboard.service.IncidentDetail;
import io.aegisops.dashboard.service.ReadModel;
import io.aegisops.kit.auth.Actors;
import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.rest.Violations;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

/**
 * Incidents for the page: the feed and each timeline come from the dashboard's own read model (so they work
 * while monitor-service is away); the raw alerts and closing by hand go through monitor-service.
 */
@Path("/api/incidents")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incidents")
public class IncidentResource {

    static final int TIMELINE_ENTRIES = 200;

    private final ReadModel readModel;
    private final DownstreamClient client;
    private final ActivityLog activity;
    private final SecurityIdentity identity;

    public IncidentResource(ReadModel readModel, DownstreamClient client, ActivityLog activity,
                            SecurityIdentity identity) {
        this.readModel = readModel;
        this.client = client;
        this.activity = activity;
        this.identity = identity;
    }

    /** Body of a manual resolution; who resolves is the signed-in person (an {@code actor} sent is ignored). */
    public record Resolution(String reason) {
    }

    @GET
    @Operation(summary = "Incidents, newest first",
            description = "status: one or more statuses, repeated or comma-separated; target: exact target")
    public List<IncidentCard> list(@QueryParam("status") List<String> status, @QueryParam("target") String target,
                                   @QueryParam("limit") Integer limit) {
        Violations violations = new Violations();
        Set<IncidentStatus> statuses = Inputs.enums(status, IncidentStatus.class, "status", violations);
        String exactTarget = Inputs.text(target, 200, "target", violations);
        int pageSize = Inputs.limit(limit, 100, 500, violations);
        violations.throwIfAny();
        return readModel.list(statuses, exactTarget, pageSize);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One incident with its timeline: alert, diagnosis, approval, action, verification")
    public IncidentDetail get(@PathParam("id") String id) {
        String incidentId = validId(id);
        return readModel.detail(incidentId, TIMELINE_ENTRIES)
                .orElseThrow(() -> new NotFoundException("incident " + incidentId + " is not known to the dashboard"));
    }

    @GET
    @Path("{id}/evidence")
    @Operation(summary = "The incident's alerts with their evidence (log lines, metrics), from monitor-service")
    public JsonNode evidence(@PathParam("id") String id) {
        return client.get(Caller.of(identity), Downstream.MONITOR, "/api/incidents/" + validId(id));
    }

    @POST
    @Path("{id}/resolve")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close an incident by hand through monitor-service (e.g. an escalated one fixed outside AegisOps)")
    public JsonNode resolve(@PathParam("id") String id, Resolution body) {
        Violations violations = new Violations();
        String incidentId = Inputs.uuid(id, "id", violations);
        String reason = null;
        if (body == null) {
            violations.add("body", "is required");
        } else {
            reason = Inputs.requiredText(body.reason(), 1000, "reason", violations);
        }
        violations.throwIfAny();
        String actor = Actors.describe(identity);
        try {
            JsonNode answer = client.post(Caller.of(identity), Downstream.MONITOR,
                    "/api/incidents/" + incidentId + "/resolve", new Resolution(reason)).body();
            activity.ok(actor, "resolved by hand", "incident " + incidentId, reason);
            return answer;
        } catch (DownstreamException e) {
            activity.failed(actor, "tried to resolve", "incident " + incidentId, reason, e.getMessage());
            throw e;
        }
    }

    private static String validId(String id) {
        Violations violations = new Violations();
        String incidentId = Inputs.uuid(id, "id", violations);
        violations.throwIfAny();
        return incidentId;
    }
}
