package io.aegisops.remediation.service;

import io.aegisops.contract.Action;
import io.aegisops.remediation.config.RemediationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

/**
 * The engine's start/kill/stop history of opted-in containers, and what it says: whether a container was stopped
 * on purpose. A kill or stop counts as "on purpose" unless one of our own RESTARTs caused it (found from the
 * remediation rows: a RESTART of that container in flight at the event's time). A STOP of ours was approved by a
 * human, so it counts as on purpose too; a crash has no kill/stop at all, so it never does.
 */
@ApplicationScoped
public class ContainerEvents {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final EntityManager entityManager;
    private final long slackNanos;

    public ContainerEvents(EntityManager entityManager, RemediationConfig config) {
        this.entityManager = entityManager;
        this.slackNanos = config.docker().attributionSlack().toNanos();
    }

    /** Records one engine event once (a replay after a reconnect has the same key and is skipped). */
    @Transactional
    public void record(String containerId, String containerName, String action, long timeNanos, String signal) {
        Action causedBy = "start".equals(action) ? null : ourActionAt(containerId, timeNanos);
        entityManager.createNativeQuery("""
                        insert into container_event (container_id, time_nanos, action, container_name, signal, caused_by)
                        values (:id, :time, :action, :name, :signal, :causedBy) on conflict do nothing""")
                .setParameter("id", containerId)
                .setParameter("time", timeNanos)
                .setParameter("action", action)
                .setParameter("name", containerName)
                .setParameter("signal", signal)
                .setParameter("causedBy", causedBy == null ? null : causedBy.name())
                .executeUpdate();
    }

    /** True when the container's latest kill/stop that we did not cause by a RESTART is later than its latest start. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean stoppedOnPurpose(String containerId) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        select max(time_nanos) filter (where action = 'start'),
                               max(time_nanos) filter (where action in ('kill', 'stop')
                                                       and (caused_by is null or caused_by <> 'RESTART'))
                        from container_event where container_id = :id""")
                .setParameter("id", containerId)
                .getSingleResult();
        Long lastStart = row[0] == null ? null : ((Number) row[0]).longValue();
        Long lastStop = row[1] == null ? null : ((Number) row[1]).longValue();
        return lastStop != null && (lastStart == null || lastStop > lastStart);
    }

    /** Time of the newest recorded event, where a restarted watcher resumes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OptionalLong newestTimeNanos() {
        Object newest = entityManager.createNativeQuery("select max(time_nanos) from container_event").getSingleResult();
        return newest == null ? OptionalLong.empty() : OptionalLong.of(((Number) newest).longValue());
    }

    /** Our RESTART or STOP of the container that was in flight at {@code timeNanos}, if any. */
    private Action ourActionAt(String containerId, long timeNanos) {
        OffsetDateTime latest = at(timeNanos + slackNanos);
        OffsetDateTime earliest = at(timeNanos - slackNanos);
        List<?> actions = entityManager.createNativeQuery("""
                        select action from remediation
                        where container_id = :id and action in ('RESTART', 'STOP')
                          and action_started_at is not null and action_started_at <= :latest
                          and (action_ended_at >= :earliest or (action_ended_at is null and state = 'ACTING'))
                        order by action_started_at desc limit 1""")
                .setParameter("id", containerId)
                .setParameter("latest", latest)
                .setParameter("earliest", earliest)
                .getResultList();
        return actions.isEmpty() ? null : Action.valueOf((String) actions.get(0));
    }

    static OffsetDateTime at(long epochNanos) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND),
                Math.floorMod(epochNanos, NANOS_PER_SECOND)), ZoneOffset.UTC);
    }
}
