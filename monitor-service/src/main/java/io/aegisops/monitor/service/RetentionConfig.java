package io.aegisops.monitor.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long monitor keeps the raw alerts of incidents that are over. */
@ConfigMapping(prefix = "aegis.retention")
public interface RetentionConfig {

    /**
     * The alerts of an incident closed longer ago than this are deleted (and resolved alerts that joined no
     * incident, this long after receipt). The incident, its counts, alert types, timeline and the first alert of
     * each type (the one its investigation cites) stay, so lists, postmortems and similar-incident search keep
     * working; the bulk of the raw alert rows (an alert storm's) goes.
     */
    @WithDefault("P30D")
    Duration alertsOfClosedIncidents();
}
