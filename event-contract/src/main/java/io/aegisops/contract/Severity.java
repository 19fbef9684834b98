package io.aegisops.contract;

/** How urgent an alert is; an incident carries the highest severity among its alerts. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL;

    /** The more urgent of two severities, so an incident only ever escalates in severity. */
    public Severity max(Severity other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }
}
