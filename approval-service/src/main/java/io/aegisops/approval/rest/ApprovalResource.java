package io.aegisops.approval.rest;

import io.aegisops.kit.auth.Actors;
import io.quarkus.security.identity.SecurityIdentity;
import io.aegisops.kit.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.aegisops.approval.domain.ApprovalStatus;
import io.aegisops.approval.service.ApprovalQueries;
import io.aegisops.approval.service.ApprovalService;
import io.aegisops.approval.service.ApprovalView;
import io.aegisops.approval.service.CommentView;
import io.aegisops.approval.service.Decision;
import io.aegisops.approval.service.DecisionOutcome;
import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.kit.rest.ApiError;
import io.aegisops.kit.rest.Violations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Approvals for people and the dashboard: list, read, decide, comment. */
@Path("/api/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "approvals")
public class ApprovalResource {

    private final ApprovalQueries queries;
    private final ApprovalService approvals;
    private final SecurityIdentity identity;

    public ApprovalResource(ApprovalQueries queries, ApprovalService approvals, SecurityIdentity identity) {
        this.queries = queries;
        this.approvals = approvals;
        this.identity = identity;
    }

    /**
     * Body of a decision.
     *
     * @param decision APPROVE, REJECT (reason required), OVERRIDE (action required), REQUEST_CHANGES (feedback
     *                 required, action optional)
     * @param action   OVERRIDE / REQUEST_CHANGES: one of the override actions (default RESTART, STOP, START)
     */
    public record DecisionBody(ApprovalDecision.Kind decision, String reason, Action action, String feedback) {
    }

    /** Body of a comment. The author is the authenticated caller. */
    public record CommentBody(String text) {
    }

    @GET
    @Operation(summary = "List approvals, newest first",
            description = "status: PENDING, ESCALATED, APPROVED, REJECTED, OVERRIDDEN, CHANGES_REQUESTED, EXPIRED "
                    + "(repeated or comma-separated); incidentId: one incident's approvals")
    @RolesAllowed(Roles.VIEWER)
    public List<ApprovalView> list(@QueryParam("status") List<String> status,
                                   @QueryParam("incidentId") String incidentId,
                                   @QueryParam("limit") Integer limit) {
        Violations violations = new Violations();
        Set<ApprovalStatus> statuses = Params.enums(status, ApprovalStatus.class, "status", violations);
        UUID incident = incidentId == null ? null : Params.uuid(incidentId, "incidentId", violations);
        int pageSize = Params.limit(limit, 500, violations);
        violations.throwIfAny();
        return queries.list(statuses, incident, pageSize);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One approval with its decision")
    @RolesAllowed(Roles.VIEWER)
    public ApprovalView get(@PathParam("id") String id) {
        return queries.byId(Params.uuid(id, "id"))
                .orElseThrow(() -> new NotFoundException("approval " + id + " does not exist"));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide an open approval; the first decision wins",
            description = "The decider recorded is the authenticated caller, never a name in the body")
    @APIResponse(responseCode = "200", description = "This decision won; it is published on aegis.approvals")
    @APIResponse(responseCode = "400", description = "The decision is malformed (the message names the field)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No such approval",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "Already decided or expired: the body names the winner",
            content = @Content(schema = @Schema(implementation = DecisionConflict.class)))
    @RolesAllowed(Roles.APPROVER)
    public Response decide(@PathParam("id") String id, DecisionBody body) {
        UUID approvalId = Params.uuid(id, "id");
        Decision decision = body == null ? null
                : new Decision(body.decision(), body.action(), Actors.describe(identity), body.reason(),
                        body.feedback());
        DecisionOutcome outcome = approvals.decide(approvalId, decision);
        if (outcome instanceof DecisionOutcome.Decided decided) {
            return Response.ok(decided.approval()).build();
        }
        if (outcome instanceof DecisionOutcome.AlreadyDecided already) {
            ApprovalView winner = already.approval();
            String message = "approval " + id + " is already " + winner.status() + ": " + winner.decision().decision()
                    + " by " + winner.decision().actor() + " at " + winner.decision().decidedAt();
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                    .entity(new DecisionConflict(409, "Conflict", message, winner.status(), winner.decision()))
                    .build();
        }
        throw new NotFoundException("approval " + id + " does not exist");
    }

    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on an approval (also after it was decided)")
    @APIResponse(responseCode = "201", description = "The comment, recorded in the audit trail")
    @RolesAllowed(Roles.OPERATOR)
    public Response comment(@PathParam("id") String id, CommentBody body) {
        Violations violations = new Violations();
        UUID approvalId = Params.uuid(id, "id", violations);
        if (body == null) {
            violations.add("body", "is required");
        } else {
            violations.required(body.text(), "text");
            violations.maxLength(body.text(), 4000, "text");
        }
        violations.throwIfAny();
        CommentView comment = approvals.comment(approvalId, Actors.describe(identity), body.text().strip())
                .orElseThrow(() -> new NotFoundException("approval " + id + " does not exist"));
        return Response.created(URI.create("/api/approvals/" + approvalId + "/comments")).entity(comment).build();
    }

    @GET
    @Path("{id}/comments")
    @Operation(summary = "Comments on an approval, oldest first")
    @RolesAllowed(Roles.VIEWER)
    public List<CommentView> comments(@PathParam("id") String id) {
        return queries.commentsOf(Params.uuid(id, "id"))
                .orElseThrow(() -> new NotFoundException("approval " + id + " does not exist"));
    }
}
