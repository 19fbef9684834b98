package io.aegisops.monitor.docker;

import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.Severity;
import io.aegisops.monitor.service.NewAlert;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what the Docker intake observed into the service's one alert shape. Exists so the wording,
 * severities, metrics and fingerprints of Docker-sourced alerts are decided in one place and tested
 * without an engine.
 */
final class DockerAlerts {

    private DockerAlerts() {
    }

    /** An alert for a container event the classifier judged a fault. */
    static NewAlert fromEvent(ContainerEvent event, AlertType type, List<String> evidence) {
        return fromEvent(event, type, evidence, false);
    }

    /**
     * @param found true when the end was found in the container's state on catching up, not streamed by the engine
     */
    static NewAlert fromEvent(ContainerEvent event, AlertType type, List<String> evidence, boolean found) {
        String service = event.service();
        Map<String, Object> metrics = new LinkedHashMap<>();
        event.exitCode().ifPresent(code -> metrics.put("exitCode", code));
        metrics.put("containerId", event.containerId());
        event.image().ifPresent(image -> metrics.put("image", image));
        return new NewAlert(
                type,
                AlertSource.DOCKER_EVENT,
                severityOf(type),
                true,
                service,
                service,
                event.name(),
                found ? summaryOf(event, type) + " while monitor-service was not following the engine's events"
                        : summaryOf(event, type),
                Map.copyOf(metrics),
                List.copyOf(evidence),
                "docker:" + event.containerId() + ":" + type.name(),
                event.observedAt());
    }

    /** An alert for a container whose active health probe failed {@code failures} times in a row. */
    static NewAlert fromHealthCheck(ProbedContainer container, ProbeResult last, int failures, OffsetDateTime observedAt) {
        String service = container.service();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("containerId", container.id());
        metrics.put("consecutiveFailures", failures);
        metrics.put("healthUrl", container.displayUrl());
        if (last.statusCode() > 0) {
            metrics.put("statusCode", last.statusCode());
        }
        if (container.image() != null) {
            metrics.put("image", container.image());
        }
        return new NewAlert(
                AlertType.UNHEALTHY,
                AlertSource.HEALTH_CHECK,
                Severity.WARNING,
                true,
                service,
                service,
                container.name(),
                "Container " + container.name() + " failed " + failures + " health checks in a row at "
                        + container.displayUrl() + ": " + last.outcome(),
                Map.copyOf(metrics),
                last.evidence(),
                "health:" + container.id(),
                observedAt);
    }

    static Severity severityOf(AlertType type) {
        return type == AlertType.UNHEALTHY ? Severity.WARNING : Severity.CRITICAL;
    }

    private static String summaryOf(ContainerEvent event, AlertType type) {
        String who = "Container " + event.name();
        return switch (type) {
            case OOM_KILLED -> event.exitCode().isPresent()
                    ? who + " was killed (exit code " + event.exitCode().getAsInt() + "), most likely out of memory"
                    : who + " was hit by the kernel OOM killer";
            case CRASH -> event.exitCode().isPresent()
                    ? who + " crashed with exit code " + event.exitCode().getAsInt()
                    : who + " died unexpectedly";
            case UNHEALTHY -> who + " is reported unhealthy by its Docker HEALTHCHECK";
            default -> who + ": " + type;
        };
    }
}
