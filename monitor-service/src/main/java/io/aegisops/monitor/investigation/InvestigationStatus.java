package io.aegisops.monitor.investigation;

/** Where an investigation stands: asked for, or done and announced. */
public enum InvestigationStatus {
    /** Asked for in the alert's transaction; waiting for (or being gathered by) a runner. */
    PENDING,
    /** Gathered, stored and announced once. */
    COMPLETED
}
