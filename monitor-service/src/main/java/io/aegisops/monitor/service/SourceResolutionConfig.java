package io.aegisops.monitor.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How an incident whose alerts all resolved at their source resolves itself. */
@ConfigMapping(prefix = "aegis.source-resolution")
public interface SourceResolutionConfig {

    /**
     * How long every alert must stay resolved before the incident resolves itself: a condition that flaps (resolved,
     * firing again a minute later) keeps its one incident instead of closing and reopening it. 0 resolves at the next
     * sweep.
     */
    @WithDefault("60s")
    Duration quietPeriod();

    /** How often incidents whose quiet period may have passed are looked at. */
    @WithDefault("5s")
    Duration sweepInterval();
}
