package io.aegisops.buggy.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.lang.management.ManagementFactory;

/**
 * UP whenever the JVM can answer. Deliberately blind to the faults: a leak or a held lock should take the app
 * out of rotation (readiness) and be diagnosed, not get it killed by a liveness probe before anyone looks.
 */
@Liveness
@ApplicationScoped
public class AliveCheck implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("alive")
                .withData("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                .up()
                .build();
    }
}
