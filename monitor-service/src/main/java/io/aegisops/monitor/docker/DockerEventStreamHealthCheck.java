package io.aegisops.monitor.docker;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports on {@code /q/health/ready} whether the Docker event stream is open. Exists because a watcher that
 * lost the engine fails silently otherwise: crashes would go unnoticed while the REST intake looks fine.
 * With the intake disabled it reports UP with status "disabled".
 */
@Readiness
@ApplicationScoped
public class DockerEventStreamHealthCheck implements HealthCheck {

    private final DockerEventWatcher watcher;
    private final DockerConfig config;

    public DockerEventStreamHealthCheck(DockerEventWatcher watcher, DockerConfig config) {
        this.watcher = watcher;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("docker-events");
        if (!config.enabled()) {
            return response.up().withData("status", "disabled").build();
        }
        boolean connected = watcher.isConnected();
        response.status(connected)
                .withData("status", connected ? "connected" : "disconnected")
                .withData("reconnects", watcher.reconnects());
        watcher.lastProblem().ifPresent(problem -> response.withData("lastProblem", problem));
        return response.build();
    }
}
