package io.aegisops.monitor.service;

import io.aegisops.contract.IncidentStatus;
import io.aegisops.monitor.domain.Alert;
import io.aegisops.monitor.domain.Incident;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Resolves an incident whose every alert has resolved at its source (an Alertmanager {@code resolved}, an app's
 * all-clear) once they stayed resolved for the quiet period and no action is pending. Exists because otherwise an
 * alert that cleared by itself left its incident open forever, and a later real fault of the same target joined a
 * stale incident instead of opening its own.
 *
 * <p>"No action pending" is the status: OPEN, DIAGNOSED or ESCALATED. While remediation acts or verifies, or a
 * person is asked to approve, that flow decides the outcome; an incident it leaves ESCALATED resolves at the next
 * sweep when its alerts had meanwhile stayed resolved for the quiet period. An incident with an alert from the
 * engine (a crash, an OOM kill) or a failed health check never resolves this way: those sources report no
 * resolution.
 */
@ApplicationScoped
public class SourceResolution {

    private static final Logger LOG = Logger.getLogger(SourceResolution.class);
    static final String ACTOR = "monitor-service (source resolution)";
    /** The statuses in which no action is pending. */
    public static final Set<IncidentStatus> RESOLVABLE = Set.of(IncidentStatus.OPEN, IncidentStatus.DIAGNOSED,
            IncidentStatus.ESCALATED);

    private final SourceResolutionConfig config;
    private final IncidentService incidents;
    private final EntityManager entityManager;

    public SourceResolution(SourceResolutionConfig config, IncidentService incidents, EntityManager entityManager) {
        this.config = config;
        this.incidents = incidents;
        this.entityManager = entityManager;
    }

    @Scheduled(every = "${aegis.source-resolution.sweep-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        try {
            resolveDue(OffsetDateTime.now(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            LOG.warnf("Resolution at the source: the sweep failed (%s); the next one retries", e.getMessage());
        }
    }

    /**
     * Resolves every incident whose alerts have all been resolved at their source since before {@code now} minus the
     * quiet period; the resolution itself is dated when it happens.
     *
     * @return how many incidents it resolved
     */
    public int resolveDue(OffsetDateTime now) {
        OffsetDateTime quietSince = now.minus(config.quietPeriod());
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                        "select i.id from Incident i where i.sourcesResolvedAt <= :since and i.status in :statuses",
                        UUID.class)
                .setParameter("since", quietSince)
                .setParameter("statuses", RESOLVABLE)
                .setMaxResults(100)
                .getResultList());
        int resolved = 0;
        for (UUID id : due) {
            if (QuarkusTransaction.requiringNew().call(() -> resolveIfStillDue(id, quietSince))) {
                resolved++;
            }
        }
        return resolved;
    }

    /** Re-checks under the incident's lock: an alert may have fired (or an action started) since the query. */
    private boolean resolveIfStillDue(UUID id, OffsetDateTime quietSince) {
        Incident incident = Incident.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (incident == null || !RESOLVABLE.contains(incident.status) || incident.sourcesResolvedAt == null
                || incident.sourcesResolvedAt.isAfter(quietSince)) {
            return false;
        }
        if (!Alert.allResolvedAtSource(id)) {
            incident.sourcesResolvedAt = null;
            return false;
        }
        String reason = "every alert resolved at its source and stayed resolved for "
                + config.quietPeriod().toSeconds() + " s (since " + incident.sourcesResolvedAt
                + "); no action was pending";
        incidents.transition(id, IncidentStatus.RESOLVED, ACTOR, reason, OffsetDateTime.now(ZoneOffset.UTC));
        LOG.infof("Incident %s of %s resolved at its source", id, incident.target);
        return true;
    }
}
