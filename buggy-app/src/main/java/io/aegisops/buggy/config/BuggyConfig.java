package io.aegisops.buggy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.Optional;

/**
 * Everything the patient can be tuned with. Typed and validated at start-up so a typo in compose fails the
 * container at once instead of silently disabling the self-watch the whole demo depends on.
 */
@ConfigMapping(prefix = "buggy")
public interface BuggyConfig {

    /** Logical service name put on every alert (env AEGIS_SERVICE_NAME). */
    @WithDefault("buggy-app")
    String serviceName();

    /** Container name or id put on alerts; absent means the hostname, which Docker sets to the container id. */
    Optional<String> container();

    /** Base URL of monitor-service (env AEGIS_MONITOR_URL); absent or empty means alerts are only logged. */
    Optional<String> monitorUrl();

    /**
     * Bearer token presented to monitor-service's alert intake (env AEGIS_INTAKE_TOKEN, a token with the reporter
     * role); absent or empty means alerts are sent without one, which monitor-service refuses with 401.
     */
    Optional<String> monitorToken();

    /** Exit code to exit with right after start-up (env AEGIS_CRASH_ON_START); absent means start normally. */
    Optional<@Min(0) @Max(255) Integer> crashOnStart();

    /** How long a requested crash waits so the HTTP answer (or the start-up log) gets out first. */
    @WithDefault("200ms")
    Duration crashDelay();

    /** Log lines kept in memory for alert evidence. */
    @WithDefault("50")
    @Min(1)
    @Max(10_000)
    int logBufferLines();

    Watch watch();

    Alerts alerts();

    /** The sampler and its thresholds. */
    interface Watch {

        /** Time between two samples (and two synthetic probes of {@code /work}). */
        @WithDefault("1s")
        Duration sampleInterval();

        /** Heap used, as a percentage of the maximum heap, from which the app reports memory pressure. */
        @WithDefault("90")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("100")
        double heapThresholdPercent();

        /** Heap percentage from which memory pressure is CRITICAL rather than WARNING. */
        @WithDefault("97")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("100")
        double heapCriticalPercent();

        /** Process CPU, as a percentage of all available processors, that counts as saturated. */
        @WithDefault("90")
        @DecimalMin(value = "0", inclusive = false)
        @DecimalMax("100")
        double cpuThresholdPercent();

        /** Consecutive saturated samples before CPU saturation is reported, so a GC burst is not an alert. */
        @WithDefault("5")
        @Min(1)
        @Max(3600)
        int cpuConsecutiveSamples();

        /** Saturated samples in a row from which CPU saturation is CRITICAL. */
        @WithDefault("30")
        @Min(1)
        @Max(36000)
        int cpuCriticalSamples();

        /** p95 latency of {@code /work} above which the app reports latency trouble. */
        @WithDefault("1000")
        @Min(1)
        long latencyThresholdMs();

        /** p95 latency from which latency trouble is CRITICAL. */
        @WithDefault("5000")
        @Min(1)
        long latencyCriticalMs();

        /**
         * The first {@code /work} runs after start-up are slow while classes load and the JIT warms up, and that
         * is not a fault: they are left out of the window, and latency is not judged until they are done.
         */
        @WithDefault("5")
        @Min(0)
        int latencyWarmUpRuns();

        /** How far back {@code /work} durations count towards the p95. */
        @WithDefault("30s")
        Duration latencyWindow();

        /** Upper bound on durations kept in the window, so heavy traffic cannot grow it without limit. */
        @WithDefault("10000")
        @Min(1)
        @Max(1_000_000)
        int latencyWindowMaxSamples();
    }

    /** Delivery of alerts to monitor-service. */
    interface Alerts {

        /** At most one alert per type within this period, however long the condition lasts. */
        @WithDefault("60s")
        Duration cooldown();

        @WithDefault("1s")
        Duration connectTimeout();

        @WithDefault("2s")
        Duration readTimeout();

        /** Tries per alert, the first included. */
        @WithDefault("3")
        @Min(1)
        @Max(10)
        int maxAttempts();

        /** Wait before the second try; doubled before each further one. */
        @WithDefault("500ms")
        Duration backoff();

        /** Alerts waiting for delivery; when full the oldest is dropped. */
        @WithDefault("20")
        @Min(1)
        @Max(10_000)
        int queueCapacity();

        /** Most recent log lines attached to an alert as evidence. */
        @WithDefault("20")
        @Min(0)
        @Max(10_000)
        int evidenceLines();
    }
}
