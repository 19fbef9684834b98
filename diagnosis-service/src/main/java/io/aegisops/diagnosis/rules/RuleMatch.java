package io.aegisops.diagnosis.rules;

import io.aegisops.contract.AlertView;

import java.util.Optional;

/**
 * The winning rule and the alert that satisfied it; that alert's metrics fill the rule's templates and head
 * the evidence. A catch-all rule matched for an incident without alerts has no alert.
 */
public record RuleMatch(Rule rule, Optional<AlertView> alert) {
}
