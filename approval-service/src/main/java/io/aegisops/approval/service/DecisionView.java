package io.aegisops.approval.service;

import io.aegisops.approval.domain.Approval;
import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;

import java.time.OffsetDateTime;

/** The decision an approval received, as the API shows it (also the body of a 409: the decision that won). */
public record DecisionView(ApprovalDecision.Kind decision, Action action, String actor, String reason,
                           String feedback, OffsetDateTime decidedAt) {

    /** @return null for an approval that is still open */
    public static DecisionView of(Approval approval) {
        if (approval.decision == null) {
            return null;
        }
        return new DecisionView(approval.decision, approval.decidedAction, approval.decidedBy,
                approval.decisionReason, approval.feedback, approval.decidedAt);
    }
}
