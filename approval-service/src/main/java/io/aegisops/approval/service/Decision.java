package io.aegisops.approval.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;

/**
 * A decision someone wants to record, from the REST API or a Slack button, before it is checked against the
 * rules of {@link DecisionRules} and the approval's state.
 */
public record Decision(ApprovalDecision.Kind kind, Action action, String actor, String reason, String feedback) {
}
