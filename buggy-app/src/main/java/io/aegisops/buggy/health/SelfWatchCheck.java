package io.aegisops.buggy.health;

import io.aegisops.buggy.watch.Breach;
import io.aegisops.buggy.watch.Sample;
import io.aegisops.buggy.watch.SelfWatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.List;
import java.util.Locale;

/**
 * Readiness follows the self-watch's last judgement: DOWN while any threshold is crossed, with one data entry
 * per reason (keyed by alert type) so a person or health checker can see why without reading logs.
 */
@Readiness
@ApplicationScoped
public class SelfWatchCheck implements HealthCheck {

    private final SelfWatch watch;

    public SelfWatchCheck(SelfWatch watch) {
        this.watch = watch;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("self-watch");
        Sample sample = watch.lastSample();
        if (sample != null) {
            response.withData("heapUsedPercent", format(sample.heapUsedPercent()))
                    .withData("cpuPercent", sample.cpuPercent() == null ? "n/a" : format(sample.cpuPercent()))
                    .withData("workP95Ms", format(sample.workP95Ms()));
        } else {
            response.withData("sample", "none yet");
        }
        List<Breach> breaches = watch.breaches();
        breaches.forEach(b -> response.withData(b.type().name(), b.severity() + ": " + b.summary()));
        return response.status(breaches.isEmpty()).build();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
