package io.aegisops.monitor.service;

import io.aegisops.monitor.docker.DockerConfig;
import io.aegisops.kit.retention.BatchedDelete;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes the raw alerts of incidents that are long over. Exists because every accepted alert is a row (a 100,000
 * alert storm is 100,000 rows on one incident) and nothing else ever removes them. Alerts of open incidents are
 * never touched, nor the alert that set off each investigation (the first of its type on the incident), which the
 * investigation's record and the postmortem go on citing. An alert's dedup key goes with it, so the retention must outlast every redelivery the key guards
 * against: the Docker watcher's catch-up (at most {@code aegis.docker.catch-up-max}), checked at start-up;
 * Alertmanager retries a notification for minutes.
 */
@ApplicationScoped
public class AlertRetention {

    private static final Logger LOG = Logger.getLogger(AlertRetention.class);
    private final RetentionConfig config;
    private final DockerConfig docker;
    private final EntityManager entityManager;

    public AlertRetention(RetentionConfig config, DockerConfig docker, EntityManager entityManager) {
        this.config = config;
        this.docker = docker;
        this.entityManager = entityManager;
    }

    void checkOnStart(@Observes StartupEvent event) {
        if (config.alertsOfClosedIncidents().compareTo(docker.catchUpMax()) < 0) {
            throw new IllegalStateException("aegis.retention.alerts-of-closed-incidents ("
                    + config.alertsOfClosedIncidents() + ") is shorter than aegis.docker.catch-up-max ("
                    + docker.catchUpMax() + "): an engine event replayed on catching up could open its incident "
                    + "again; raise the retention or lower the catch-up");
        }
    }

    @Scheduled(every = "1h", delayed = "3m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeHourly() {
        try {
            purge(OffsetDateTime.now(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            LOG.warnf("Alert retention: purging old alerts failed (%s); the next run retries", e.getMessage());
        }
    }

    /**
     * Deletes, in batches, the alerts of incidents closed before {@code now} minus the retention, and resolved alerts
     * without an incident received before then.
     *
     * @return how many alerts were deleted
     */
    public long purge(OffsetDateTime now) {
        long total = BatchedDelete.until(entityManager, """
                delete from alert where id in (
                    select a.id from alert a left join incident i on i.id = a.incident_id
                    where ((i.closed_at < :cutoff and i.status in ('RESOLVED', 'REJECTED'))
                           or (a.incident_id is null and a.received_at < :cutoff))
                      and not exists (select 1 from investigation v where v.trigger_alert_id = a.id)
                    limit :batch)""", now.minus(config.alertsOfClosedIncidents()));
        if (total > 0) {
            LOG.infof("Alert retention: deleted %d alerts of incidents closed more than %s ago", total,
                    config.alertsOfClosedIncidents());
        }
        return total;
    }
}
