package io.aegisops.dashboard.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.dashboard.client.Caller;
import io.aegisops.dashboard.client.Downstream;
import io.aegisops.dashboard.client.DownstreamClient;
import io.aegisops.dashboard.client.DownstreamException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Locale;
import java.util.Set;

/**
 * Approvals acted on through approval-service: the page's Approve, Reject, Override and Request changes buttons
 * and comments. The result reaches every page through Kafka (the decision event) like any other decision. Every
 * call carries the signed-in person's token, so approval-service checks their role again and records them, not a
 * name from the page, as the actor.
 */
@Path("/api/approvals")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "approvals")
public class ApprovalResource {

    static final Set<ApprovalDecision.Kind> HUMAN_DECISIONS = Set.of(ApprovalDecision.Kind.APPROVE,
            ApprovalDecision.Kind.REJECT, ApprovalDecision.Kind.OVERRIDE, ApprovalDecision.Kind.REQUEST_CHANGES);

    private final DownstreamClient client;
    private final ActivityLog activity;
    private final SecurityIdentity identity;

    public ApprovalResource(DownstreamClient client, ActivityLog activity, SecurityIdentity identity) {
        this.client = client;
        this.activity = activity;
        this.identity = identity;
    }

    /**
     * A decision from the page.
     *
     * @param decision APPROVE; REJECT (reason required); OVERRIDE (action required); REQUEST_CHANGES (feedback
     *                 required, action optional). Who decides is the signed-in person; an {@code actor} sent by an
     *                 older page is ignored.
     */
    public record DecisionRequest(ApprovalDecision.Kind decision, String reason, Action action, String feedback) {
    }

    /** A comment from the page, by the signed-in person. */
    public record CommentRequest(String text) {
    }

    @GET
    @Operation(summary = "Approvals from approval-service, newest first",
            description = "status: e.g. PENDING,ESCALATED; incidentId: one incident's approvals")
    public JsonNode list(@QueryParam("status") String status, @QueryParam("incidentId") String incidentId) {
        Violations violations = new Violations();
        String statuses = Inputs.text(status, 200, "status", violations);
        violations.check(statuses == null || statuses.matches("[A-Za-z_,]+"), "status",
                "must be status names separated by commas");
        String incident = Inputs.optionalUuid(incidentId, "incidentId", violations);
        violations.throwIfAny();
        StringBuilder query = new StringBuilder("/api/approvals?limit=100");
        if (statuses != null) {
            query.append("&status=").append(statuses.toUpperCase(Locale.ROOT));
        }
        if (incident != null) {
            query.append("&incidentId=").append(incident);
        }
        return client.get(Caller.of(identity), Downstream.APPROVAL, query.toString());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One approval with its decision")
    public JsonNode get(@PathParam("id") String id) {
        return client.get(Caller.of(identity), Downstream.APPROVAL, "/api/approvals/" + validId(id));
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Roles.APPROVER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide an open approval through approval-service; the first decision wins (409 names it)")
    public JsonNode decide(@PathParam("id") String id, DecisionRequest body) {
        Violations violations = new Violations();
        String approvalId = Inputs.uuid(id, "id", violations);
        DecisionRequest clean = validate(body, violations);
        violations.throwIfAny();
        String what = describe(clean);
        String actor = Actors.describe(identity);
        try {
            JsonNode answer = client.post(Caller.of(identity), Downstream.APPROVAL,
                    "/api/approvals/" + approvalId + "/decision", clean).body();
            activity.ok(actor, what, target(answer, approvalId), detail(clean));
            return answer;
        } catch (DownstreamException e) {
            activity.failed(actor, "tried to " + verb(clean.decision()), "approval " + approvalId,
                    detail(clean), e.getMessage());
            throw e;
        }
    }

    @GET
    @Path("{id}/comments")
    @Operation(summary = "Comments on an approval, oldest first")
    public JsonNode comments(@PathParam("id") String id) {
        return client.get(Caller.of(identity), Downstream.APPROVAL, "/api/approvals/" + validId(id) + "/comments");
    }

    @POST
    @Path("{id}/comments")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on an approval through approval-service")
    public Response comment(@PathParam("id") String id, CommentRequest body) {
        Violations violations = new Violations();
        String approvalId = Inputs.uuid(id, "id", violations);
        String text = null;
        if (body == null) {
            violations.add("body", "is required");
        } else {
            text = Inputs.requiredText(body.text(), 4000, "text", violations);
        }
        violations.throwIfAny();
        String actor = Actors.describe(identity);
        try {
            JsonNode answer = client.post(Caller.of(identity), Downstream.APPROVAL,
                    "/api/approvals/" + approvalId + "/comments", new CommentRequest(text)).body();
            activity.ok(actor, "commented", "approval " + approvalId, text);
            return Response.status(Response.Status.CREATED).entity(answer).build();
        } catch (DownstreamException e) {
            activity.failed(actor, "tried to comment", "approval " + approvalId, text, e.getMessage());
            throw e;
        }
    }

    /** The same rules approval-service applies, checked here so the user learns every problem at once. */
    static DecisionRequest validate(DecisionRequest body, Violations violations) {
        if (body == null) {
            violations.add("body", "is required");
            return null;
        }
        String reason = Inputs.text(body.reason(), 2000, "reason", violations);
        String feedback = Inputs.text(body.feedback(), 4000, "feedback", violations);
        ApprovalDecision.Kind kind = body.decision();
        if (violations.check(kind != null, "decision", "is required (one of " + HUMAN_DECISIONS + ")")) {
            violations.check(HUMAN_DECISIONS.contains(kind), "decision", "'" + kind
                    + "' is for the timeout only; use one of " + HUMAN_DECISIONS);
            if (kind == ApprovalDecision.Kind.REJECT) {
                violations.check(reason != null, "reason", "is required to reject");
            }
            if (kind == ApprovalDecision.Kind.OVERRIDE) {
                violations.check(body.action() != null, "action", "is required to override (the action to take instead)");
            }
            if (kind == ApprovalDecision.Kind.REQUEST_CHANGES) {
                violations.check(feedback != null, "feedback", "is required to request changes");
            }
            violations.check(body.action() == null || kind == ApprovalDecision.Kind.OVERRIDE
                    || kind == ApprovalDecision.Kind.REQUEST_CHANGES, "action", "only goes with OVERRIDE or REQUEST_CHANGES");
            violations.check(feedback == null || kind == ApprovalDecision.Kind.REQUEST_CHANGES, "feedback",
                    "only goes with REQUEST_CHANGES");
        }
        return new DecisionRequest(kind, reason, body.action(), feedback);
    }

    private static String describe(DecisionRequest d) {
        return switch (d.decision()) {
            case APPROVE -> "approved";
            case REJECT -> "rejected";
            case OVERRIDE -> "overrode with " + d.action();
            case REQUEST_CHANGES -> "requested changes" + (d.action() == null ? "" : " (suggests " + d.action() + ")");
            case EXPIRE -> "expired";
        };
    }

    private static String verb(ApprovalDecision.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String detail(DecisionRequest d) {
        return d.feedback() != null ? d.feedback() : d.reason();
    }

    /** "incident … (target)" when approval-service told us, else the approval. */
    private static String target(JsonNode answer, String approvalId) {
        if (answer != null && answer.hasNonNull("target")) {
            return answer.get("target").asText() + " (" + answer.path("proposedAction").asText("?") + ")";
        }
        return "approval " + approvalId;
    }

    private static String validId(String id) {
        Violations violations = new Violations();
        String approvalId = Inputs.uuid(id, "id", violations);
        violations.throwIfAny();
        return approvalId;
    }
}
