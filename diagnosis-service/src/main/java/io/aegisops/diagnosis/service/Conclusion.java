package io.aegisops.diagnosis.service;

import io.aegisops.contract.Action;

/**
 * What a diagnosis decides, as opposed to how it words it. Two proposals with the same conclusion are the
 * same diagnosis even when their figures differ (heap at 91% then 94%), which is what keeps an alert storm
 * from becoming a diagnosis storm. Corroboration is part of it: a claim that facts come to show (or stop
 * showing) changes who decides, so it earns a revision.
 */
public record Conclusion(String engine, String ruleId, Action action, boolean corroborated) {

    /** Before corroboration is known. */
    public Conclusion(String engine, String ruleId, Action action) {
        this(engine, ruleId, action, false);
    }

    public Conclusion withCorroboration(boolean value) {
        return new Conclusion(engine, ruleId, action, value);
    }
}
