package io.aegisops.approval.rest;

import io.aegisops.kit.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.aegisops.approval.service.ApprovalConfig;
import io.aegisops.approval.service.Durations;
import io.aegisops.contract.Action;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The policy matrix people work under, for the dashboard and for humans wondering why they were (or were not)
 * asked. remediation-service enforces it from {@code aegis.remediation.*}; this shows approval-service's copy
 * ({@code aegis.approval.policy.*}, same defaults) and its own timeouts.
 */
@Path("/api/policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "policy")
public class PolicyResource {

    /** How one action is treated: {@code auto} (may run without a human), {@code approval} or {@code never}. */
    public record ActionRule(Action action, String mode, boolean humanMayChoose) {
    }

    /** Timeouts as people write them ("5m") and in seconds for programs. */
    public record Timeout(String after, long seconds) {
        static Timeout of(Duration duration) {
            return new Timeout(Durations.words(duration), duration.toSeconds());
        }
    }

    public record Policy(String enforcedBy, double actConfidence, double escalateBelow, List<ActionRule> actions,
                         List<Action> overrideActions, Timeout escalateAfter, Timeout expireAfter,
                         List<String> outcomes) {
    }

    private final ApprovalConfig config;

    public PolicyResource(ApprovalConfig config) {
        this.config = config;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The decision policy matrix and the approval timeouts")
    public Policy get() {
        ApprovalConfig.Policy policy = config.policy();
        List<ActionRule> actions = new ArrayList<>();
        for (Action action : Action.values()) {
            String mode = policy.approvalActions().contains(action) ? "approval"
                    : policy.autoActions().contains(action) ? "auto"
                    : action == Action.NOOP || action == Action.ESCALATE ? "n/a" : "approval";
            actions.add(new ActionRule(action, mode, config.overrideActions().contains(action)));
        }
        List<String> outcomes = List.of(
                String.format(Locale.ROOT, "confidence >= %.2f, action auto, target policy auto, budget left, "
                        + "safety passed: act now", policy.actConfidence()),
                String.format(Locale.ROOT, "confidence %.2f-%.2f, or action needs approval, or target policy manual: "
                        + "ask a human", policy.escalateBelow(), policy.actConfidence()),
                String.format(Locale.ROOT, "confidence < %.2f, or budget spent, or safety failed: escalate",
                        policy.escalateBelow()),
                "no decision within " + Durations.words(config.escalateAfter()) + ": reminded louder (ESCALATED); within "
                        + Durations.words(config.expireAfter()) + ": EXPIRED, incident escalated");
        return new Policy("remediation-service (aegis.remediation.*)", policy.actConfidence(), policy.escalateBelow(),
                actions, Arrays.stream(Action.values()).filter(config.overrideActions()::contains).toList(),
                Timeout.of(config.escalateAfter()), Timeout.of(config.expireAfter()), outcomes);
    }
}
