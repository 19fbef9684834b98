package io.aegisops.dashboard.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.dashboard.client.Caller;
import io.aegisops.dashboard.client.Downstream;
import io.aegisops.dashboard.client.DownstreamClient;
import io.aegisops.dashboard.client.DownstreamException;
import io.aegisops.dashboard.client.DownstreamReply;
import io.aegisops.dashboard.service.ActivityLog;
import io.aegisops.kit.auth.Actors;
import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.rest.Violations;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * "Ask AegisOps": on-demand investigations through monitor-service, as the signed-in operator, so the room sees
 * who asked what about which target. The question is checked here against monitor-service's own bounds; the report
 * (tool calls, facts, conclusion, citations) is passed through as monitor-service wrote it.
 */
@Path("/api/investigations")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "investigations")
public class InvestigationResource {

    /** monitor-service's bounds (its {@code OnDemandInvestigationResource}). */
    static final int MAX_TARGET = 255;
    static final int MAX_QUESTION = 500;
    static final int MAX_LIMIT = 100;

    /** A question from the page, asked by the signed-in person (an {@code actor} sent is ignored). */
    public record Ask(String target, String question) {
    }

    /** What monitor-service is sent: the question without the person, whom only the room's activity records. */
    public record Question(String target, String question) {
    }

    private final DownstreamClient client;
    private final ActivityLog activity;
    private final SecurityIdentity identity;

    public InvestigationResource(DownstreamClient client, ActivityLog activity, SecurityIdentity identity) {
        this.client = client;
        this.activity = activity;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Investigate a monitored target now and answer a question about it (monitor-service)")
    public Response ask(Ask body) {
        Violations violations = new Violations();
        String target = null;
        String question = null;
        if (body == null) {
            violations.add("body", "is required");
        } else {
            target = Inputs.requiredText(body.target(), MAX_TARGET, "target", violations);
            question = Inputs.requiredText(body.question(), MAX_QUESTION, "question", violations);
        }
        violations.throwIfAny();
        String actor = Actors.describe(identity);
        try {
            DownstreamReply reply = client.post(Caller.of(identity), Downstream.MONITOR, "/api/investigations",
                    new Question(target, question));
            JsonNode report = reply.body();
            activity.ok(actor, "asked AegisOps", target, question);
            String id = report.path("id").asText("");
            Response.ResponseBuilder answer = Response.status(reply.status()).entity(report);
            return (id.isEmpty() ? answer
                    : answer.location(UriBuilder.fromPath("/api/investigations/{id}").build(id))).build();
        } catch (DownstreamException e) {
            activity.failed(actor, "tried to ask AegisOps", target, question, e.getMessage());
            throw e;
        }
    }

    @GET
    @Operation(summary = "Past on-demand reports, newest first (monitor-service)", description = "limit: 1-100, default 20")
    public JsonNode list(@QueryParam("limit") Integer limit) {
        Violations violations = new Violations();
        int pageSize = Inputs.limit(limit, 20, MAX_LIMIT, violations);
        violations.throwIfAny();
        return client.get(Caller.of(identity), Downstream.MONITOR, "/api/investigations?limit=" + pageSize);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One on-demand report (monitor-service)")
    public JsonNode get(@PathParam("id") String id) {
        Violations violations = new Violations();
        String reportId = Inputs.uuid(id, "id", violations);
        violations.throwIfAny();
        return client.get(Caller.of(identity), Downstream.MONITOR, "/api/investigations/" + reportId);
    }
}
