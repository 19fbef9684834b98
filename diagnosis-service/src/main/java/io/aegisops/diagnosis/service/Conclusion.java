package io.aegisops.diagnosis.service;

import io.aegisops.contract.Action;

/**
 * What a diagnosis decides, as opposed to how it words it. Two proposals with the same conclusion are the
 * same diagnosis even when their figures differ (heap at 91% then 94%), which is what keeps an alert storm
 * from becoming a diagnosis storm.
 */
public record Conclusion(String engine, String ruleId, Action action) {
}
