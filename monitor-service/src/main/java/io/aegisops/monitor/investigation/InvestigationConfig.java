package io.aegisops.monitor.investigation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * Settings of the investigations monitor-service makes before anything acts on an alert. One typed mapping so the
 * runner, the corroboration thresholds and the operator read the same names and defaults.
 */
@ConfigMapping(prefix = "aegis.investigation")
public interface InvestigationConfig {

    /** Budget for gathering all facts of one investigation; a read still running then becomes a timed-out call. */
    @WithDefault("3s")
    Duration deadline();

    /** Investigations gathered at once; more wait in a bounded queue, and past it for the sweep. */
    @WithDefault("4")
    @Min(1)
    @Max(64)
    int threads();

    /** How often pending investigations whose wake-up was lost (crash, restart, full queue) are picked up. */
    @WithDefault("2s")
    Duration sweepInterval();

    /** Age after which the sweep takes a pending investigation over, so it does not race the wake-up. */
    @WithDefault("2s")
    Duration sweepAge();

    /** Memory in use, in percent of the container's limit, from which MEMORY_PRESSURE counts as shown. */
    @WithDefault("90")
    @DecimalMin("1")
    @DecimalMax("100")
    double memoryPercent();

    /**
     * CPU in use, in percent of the container's allowance, from which CPU_SATURATION counts as shown. Below what a
     * saturated process reports of itself on purpose: the engine's two-sample window on a busy host (CFS throttling,
     * a neighbour on the other core) measured a process spinning two threads on its one CPU at 75 %, while an idle
     * container whose saturation is forged reads a few percent.
     */
    @WithDefault("60")
    @DecimalMin("1")
    @DecimalMax("100")
    double cpuPercent();

    /**
     * Slack between an alert's time and a container's start for "it restarted since the alert": the engine may
     * restart a crashed container before the alert is recorded, and clocks of senders differ a little.
     */
    @WithDefault("5s")
    Duration restartTolerance();

    /** Investigations a person asks for without an incident ({@code POST /api/investigations}). */
    OnDemand onDemand();

    /** Limits of on-demand investigations, which run on the request thread. */
    interface OnDemand {

        /**
         * On-demand investigations gathered at once; one more is refused with 429 rather than queued, since each
         * holds a request thread and several engine reads for up to the deadline.
         */
        @WithDefault("2")
        @Min(1)
        @Max(16)
        int concurrency();

        /** The Retry-After a refused request is given: about one investigation's duration. */
        @WithDefault("2s")
        Duration retryAfter();
    }
}
