package io.aegisops.approval.service;

import io.aegisops.contract.ApprovalDecision;
import io.aegisops.kit.rest.Violations;

import java.util.Set;

/**
 * What makes a decision well-formed, whoever sends it. Checked before the database is touched, so a malformed
 * decision can never win the race against a good one.
 */
public final class DecisionRules {

    static final int MAX_ACTOR = 128;
    static final int MAX_REASON = 2000;
    static final int MAX_FEEDBACK = 4000;

    private DecisionRules() {
    }

    /**
     * @param overrideActions the actions a human may choose instead of the proposed one
     * @throws io.aegisops.kit.rest.InvalidRequestException naming every problem
     */
    public static void check(Decision decision, Set<?> overrideActions) {
        Violations violations = new Violations();
        if (decision == null) {
            violations.add("body", "is required").throwIfAny();
            return;
        }
        violations.required(decision.actor(), "actor");
        violations.maxLength(decision.actor(), MAX_ACTOR, "actor");
        violations.maxLength(decision.reason(), MAX_REASON, "reason");
        violations.maxLength(decision.feedback(), MAX_FEEDBACK, "feedback");
        ApprovalDecision.Kind kind = decision.kind();
        if (violations.required(kind, "decision")) {
            switch (kind) {
                case APPROVE -> noAction(decision, violations);
                case REJECT -> {
                    noAction(decision, violations);
                    violations.required(decision.reason(), "reason");
                }
                case OVERRIDE -> {
                    if (violations.required(decision.action(), "action")) {
                        allowed(decision, overrideActions, violations);
                    }
                }
                case REQUEST_CHANGES -> {
                    violations.required(decision.feedback(), "feedback");
                    if (decision.action() != null) {
                        allowed(decision, overrideActions, violations);
                    }
                }
                case EXPIRE -> violations.add("decision",
                        "EXPIRE is reserved to the approval timeout; use APPROVE, REJECT, OVERRIDE or REQUEST_CHANGES");
            }
            if (kind != ApprovalDecision.Kind.REQUEST_CHANGES && present(decision.feedback())) {
                violations.add("feedback", "only REQUEST_CHANGES carries feedback; give the why of " + kind
                        + " as reason");
            }
        }
        violations.throwIfAny();
    }

    private static void noAction(Decision decision, Violations violations) {
        violations.check(decision.action() == null, "action",
                "only OVERRIDE and REQUEST_CHANGES name an action; " + decision.kind() + " keeps the proposed one");
    }

    private static void allowed(Decision decision, Set<?> overrideActions, Violations violations) {
        violations.check(overrideActions.contains(decision.action()), "action",
                "'" + decision.action() + "' is not one of the actions a human may choose: " + overrideActions);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
