package io.aegisops.remediation.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.aegisops.contract.Labels;

import java.util.Map;

/**
 * A container as inspected at one moment, reduced to what remediation reads. Exists so the rest of the service
 * never handles docker-java's nullable, nested response objects.
 *
 * @param id        full container id
 * @param name      name without the leading slash
 * @param labels    all labels (never null)
 * @param status    engine status: created, running, exited, paused, restarting, dead
 * @param running   State.Running
 * @param health    Docker HEALTHCHECK status (starting, healthy, unhealthy), null without a HEALTHCHECK
 * @param startedAt State.StartedAt as the engine reports it (RFC 3339 with nanoseconds)
 */
public record ContainerSnapshot(String id, String name, Map<String, String> labels, String status, boolean running,
                                String health, String startedAt) {

    public ContainerSnapshot {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    static ContainerSnapshot of(InspectContainerResponse inspected) {
        InspectContainerResponse.ContainerState state = inspected.getState();
        Map<String, String> labels = inspected.getConfig() == null ? null : inspected.getConfig().getLabels();
        String name = inspected.getName() == null ? inspected.getId() : inspected.getName().replaceFirst("^/", "");
        String health = state != null && state.getHealth() != null ? state.getHealth().getStatus() : null;
        return new ContainerSnapshot(inspected.getId(), name, withoutNulls(labels),
                state == null ? "unknown" : String.valueOf(state.getStatus()),
                state != null && Boolean.TRUE.equals(state.getRunning()),
                health,
                state == null ? null : state.getStartedAt());
    }

    private static Map<String, String> withoutNulls(Map<String, String> raw) {
        if (raw == null) {
            return Map.of();
        }
        Map<String, String> copy = new java.util.HashMap<>();
        raw.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    /** The contract's single definition of opt-in: {@code aegis.enable=true}. */
    public boolean optedIn() {
        return Labels.isEnabled(labels);
    }

    /** The logical service (incident target) the container belongs to. */
    public String service() {
        return Labels.serviceOf(labels, name);
    }

    /** Running, and healthy for Docker when it has a HEALTHCHECK. */
    public boolean runningAndHealthy() {
        return running && (health == null || "healthy".equals(health));
    }
}
