package io.aegisops.dashboard.service;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What the service cards and the health strip show: each service's readiness, remediation-service's view of
 * the opted-in containers, and buggy-app's active faults. A part that could not be read carries the reason
 * instead of data, so the page says why a card is empty.
 *
 * @param containers      remediation-service's {@code /api/containers}, null when unavailable
 * @param containersError why it is unavailable
 * @param faults          buggy-app's {@code /faults}, null when unavailable
 * @param faultsError     why it is unavailable
 * @param faultTarget     the target whose card carries the fault buttons
 */
public record Platform(List<ServiceHealth> services, JsonNode containers, String containersError, JsonNode faults,
                       String faultsError, String faultTarget) {

    /**
     * @param up     ready (its {@code /q/health/ready} answered 200)
     * @param detail why not, when not
     */
    public record ServiceHealth(String name, boolean up, String detail) {
    }
}
