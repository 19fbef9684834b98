package io.aegisops.dashboard.client;

import io.aegisops.dashboard.config.DashboardConfig;

import java.net.URI;

/**
 * The services the dashboard calls on the browser's behalf. Named once so every error the user sees says which
 * service answered, in the name the operator knows from Compose.
 */
public enum Downstream {
    MONITOR("monitor-service"),
    DIAGNOSIS("diagnosis-service"),
    REMEDIATION("remediation-service"),
    APPROVAL("approval-service"),
    BUGGY("buggy-app");

    private final String serviceName;

    Downstream(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
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
