package io.aegisops.approval.rest;

import io.aegisops.approval.domain.ApprovalStatus;
import io.aegisops.approval.service.DecisionView;

/**
 * Body of a 409 on a decision: service-kit's {@code ApiError} fields plus the decision that won, so the loser
 * learns who decided what without a second request.
 */
public record DecisionConflict(int status, String error, String message, ApprovalStatus approvalStatus,
                               DecisionView winningDecision) {
}
