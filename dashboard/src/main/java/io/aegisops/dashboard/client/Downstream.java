package io.aegisops.dashboard.client;

import io.aegisops.dashboard.config.DashboardConfig;

import java.net.URI;

/**
 * The services the dashboard calls on the browser's behalf. Named once so every error the user sees says which
 * service answered, in the name the operator knows from Compose.
 */
public enum Downstream {
    MONITOR("monitor-service", true),
    DIAGNOSIS("diagnosis-service", true),
    REMEDIATION("remediation-service", true),
    APPROVAL("approval-service", true),
    /** The patient: it asks nobody who calls (its faults are open on loopback), so it is never handed a token. */
    BUGGY("buggy-app", false);

    private final String serviceName;
    private final boolean takesTokens;

    Downstream(String serviceName, boolean takesTokens) {
        this.serviceName = serviceName;
        this.takesTokens = takesTokens;
    }

    public String serviceName() {
        return serviceName;
    }

    /** Whether the caller's bearer token is sent to this service: only to AegisOps services, which check it. */
    public boolean takesTokens() {
        return takesTokens;
    }

    /** The base URL configured for this service. */
    public URI baseUrl(DashboardConfig config) {
        return switch (this) {
            case MONITOR -> config.monitorUrl();
            case DIAGNOSIS -> config.diagnosisUrl();
            case REMEDIATION -> config.remediationUrl();
            case APPROVAL -> config.approvalUrl();
            case BUGGY -> config.buggyUrl();
        };
    }
}
