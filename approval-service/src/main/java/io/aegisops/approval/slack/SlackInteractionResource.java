package io.aegisops.approval.slack;

import io.aegisops.approval.identity.IdentityStore;
import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.auth.VerifiedCaller;
import java.util.Optional;
import jakarta.annotation.security.PermitAll;
import io.aegisops.approval.service.ApprovalService;
import io.aegisops.approval.service.Decision;
import io.aegisops.approval.service.DecisionOutcome;
import io.aegisops.approval.service.DecisionView;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.kit.rest.ApiError;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Slack's Request URL for interactivity: the Approve and Reject buttons land here. The signature is checked on
 * the raw bytes before anything is parsed. The decision is one short transaction, so Slack gets its answer well
 * within its 3 seconds; the message is updated afterwards by the notification sender (chat.update).
 */
@Path("/slack/interactions")
@Tag(name = "slack")
public class SlackInteractionResource {

    private static final Logger LOG = Logger.getLogger(SlackInteractionResource.class);

    private final SlackConfig config;
    private final ApprovalService approvals;
    private final IdentityStore identities;
    private final SlackClient slack;

    public SlackInteractionResource(SlackConfig config, ApprovalService approvals, IdentityStore identities,
                                    SlackClient slack) {
        this.config = config;
        this.approvals = approvals;
        this.identities = identities;
        this.slack = slack;
    }

    /** The answer to a click (Slack ignores the body; it is there for people and tests). */
    public record ClickOutcome(String outcome, String approvalId, String actor, DecisionView decision) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Slack interactivity endpoint (signed by Slack; not for people)")
    public Response interact(@HeaderParam("X-Slack-Request-Timestamp") String timestamp,
                             @HeaderParam("X-Slack-Signature") String signature, byte[] body) {
        String secret = config.signingSecret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            return error(Response.Status.NOT_FOUND, "Slack interactivity is not configured (SLACK_SIGNING_SECRET)");
        }
        SlackSignature.Verdict verdict = SlackSignature.verify(secret.trim(), timestamp, signature,
                body == null ? new byte[0] : body, Instant.now(), config.signatureMaxAge());
        if (verdict != SlackSignature.Verdict.VALID) {
            LOG.warnf("Slack interaction refused: %s", verdict.problem);
            return error(Response.Status.UNAUTHORIZED, verdict.problem);
        }
        InteractionPayload click = InteractionPayload.parse(body);
        String id = click.approvalId().toString();
        Optional<VerifiedCaller> caller = identities.slackCaller(click.userId())
                .filter(c -> Roles.granted(c.role()).contains(Roles.APPROVER));
        if (caller.isEmpty()) {
            LOG.warnf("Slack click by %s (%s) on approval %s not counted: not mapped to a principal that may decide",
                    click.user(), click.userId(), id);
            slack.replyOnlyTo(click.responseUrl(), "Your click was not counted: Slack user " + click.userId()
                    + " is not mapped to an AegisOps principal with the approver role. An admin can map it with "
                    + "./aegisops user slack " + click.userId() + " <name>.");
            return Response.ok(new ClickOutcome("NOT_ALLOWED", id, "slack:" + click.user(), null)).build();
        }
        String actor = caller.get().name() + " (slack " + click.user() + ")";
        Decision decision = SlackMessages.APPROVE.equals(click.actionId())
                ? new Decision(ApprovalDecision.Kind.APPROVE, null, actor, null, null)
                : new Decision(ApprovalDecision.Kind.REJECT, null, actor, "rejected from Slack by " + click.user(),
                null);
        DecisionOutcome outcome = approvals.decide(click.approvalId(), decision);
        if (outcome instanceof DecisionOutcome.Decided decided) {
            return Response.ok(new ClickOutcome(decided.approval().status().name(), id, actor,
                    decided.approval().decision())).build();
        }
        if (outcome instanceof DecisionOutcome.AlreadyDecided already) {
            // A failed click shows as an error in Slack; the approval's messages are being updated with the
            // winning decision anyway, so this is a normal answer.
            return Response.ok(new ClickOutcome("ALREADY_DECIDED", id, actor, already.approval().decision())).build();
        }
        return error(Response.Status.NOT_FOUND, "approval " + id + " does not exist");
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(status.getStatusCode(), status.getReasonPhrase(), message)).build();
    }
}
