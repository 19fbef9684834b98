package io.aegisops.buggy.watch;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Severity;

import java.util.Map;

/**
 * A threshold crossed in one sample: what readiness reports as the reason it is DOWN and what an alert is
 * built from.
 *
 * @param metrics the measured values and the thresholds they were compared with, in a stable order
 */
public record Breach(AlertType type, Severity severity, String summary, Map<String, Object> metrics) {
}
