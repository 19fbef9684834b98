package io.aegisops.monitor.investigation;

import java.time.Duration;

/**
 * The numbers {@link Corroborator} compares facts with, apart from the config mapping so its rules are tested
 * without booting Quarkus.
 *
 * @param memoryPercent    memory use (percent of the limit) that shows MEMORY_PRESSURE
 * @param cpuPercent       CPU use (percent of the allowance) that shows CPU_SATURATION
 * @param restartTolerance slack for "the container started after the alert"
 */
public record Thresholds(double memoryPercent, double cpuPercent, Duration restartTolerance) {

    static Thresholds of(InvestigationConfig config) {
        return new Thresholds(config.memoryPercent(), config.cpuPercent(), config.restartTolerance());
    }
}
