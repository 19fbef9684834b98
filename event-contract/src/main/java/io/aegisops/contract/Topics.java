package io.aegisops.contract;

/**
 * Kafka topic names, defined once so producers and consumers cannot disagree. Every record on these
 * topics is keyed by incident id so that one incident's events stay in order on one partition.
 */
public final class Topics {
    /** New incidents and every alert that opens or joins one (monitor-service). */
    public static final String ALERTS = "aegis.alerts";
    /** Root cause and proposed action per incident (diagnosis-service). */
    public static final String DIAGNOSES = "aegis.diagnoses";
    /** Approval requests (remediation-service) and human decisions (approval-service). */
    public static final String APPROVALS = "aegis.approvals";
    /** Remediation lifecycle: decided, acting, verifying, resolved, failed, escalated (remediation-service). */
    public static final String REMEDIATIONS = "aegis.remediations";

    private Topics() {
    }
}
