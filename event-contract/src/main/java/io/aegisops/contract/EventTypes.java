package io.aegisops.contract;

/**
 * CloudEvents {@code type} values. Reverse-DNS names as the CloudEvents spec recommends; a consumer that
 * meets a type it does not know skips it, so new types can be added without breaking older consumers.
 */
public final class EventTypes {
    /** aegis.alerts: an alert opened a new incident. Data: {@link AlertEvent}. */
    public static final String INCIDENT_OPENED = "io.aegisops.incident.opened";
    /** aegis.alerts: an alert joined an open incident. Data: {@link AlertEvent}. */
    public static final String ALERT_JOINED = "io.aegisops.alert.joined";
    /** aegis.alerts: an external alert (Alertmanager) reported resolved. Data: {@link AlertEvent}. */
    public static final String ALERT_RESOLVED = "io.aegisops.alert.resolved";
    /** aegis.alerts: the incident moved in its lifecycle (e.g. closed). Data: {@link IncidentView}. */
    public static final String INCIDENT_STATUS_CHANGED = "io.aegisops.incident.status-changed";
    /** aegis.alerts: monitor gathered facts about the incident's target. Data: {@link Investigation}. */
    public static final String INVESTIGATION_COMPLETED = "io.aegisops.investigation.completed";

    /** aegis.diagnoses: a diagnosis (or a revision of it). Data: {@link Diagnosis}. */
    public static final String DIAGNOSIS_PROPOSED = "io.aegisops.diagnosis.proposed";
    /** aegis.remediations: one step of a remediation. Data: {@link RemediationEvent}. */
    public static final String REMEDIATION_STAGE = "io.aegisops.remediation.stage";
    /** aegis.approvals: remediation asks a human. Data: {@link ApprovalRequest}. */
    public static final String APPROVAL_REQUESTED = "io.aegisops.approval.requested";
    /** aegis.approvals: a human (or the timeout) decided. Data: {@link ApprovalDecision}. */
    public static final String APPROVAL_DECIDED = "io.aegisops.approval.decided";

    private EventTypes() {
    }
}
