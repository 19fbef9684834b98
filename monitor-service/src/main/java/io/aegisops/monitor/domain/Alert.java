package io.aegisops.monitor.domain;

import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One observation from one intake, kept as evidence on the incident it opened or joined. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Null only for a resolved external alert that matched no incident. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "incident_id")
    public Incident incident;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    public boolean firing;

    public String service;

    public String container;

    @Column(nullable = false)
    public String summary;

    /** JSON object of measured values. */
    @Column(nullable = false, columnDefinition = "text")
    public String metrics;

    /** JSON array of evidence lines. */
    @Column(nullable = false, columnDefinition = "text")
    public String evidence;

    @Column(nullable = false)
    public String fingerprint;

    @Column(name = "dedup_key", unique = true)
    public String dedupKey;

    @Column(name = "observed_at", nullable = false)
    public OffsetDateTime observedAt;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    public static List<Alert> ofIncident(UUID incidentId) {
        return list("incident.id = ?1 order by receivedAt", incidentId);
    }

    /**
     * The latest firing alert of each type of an incident: what an investigation judges. One row per type, so an
     * incident that absorbed an alert storm costs as little to investigate as a quiet one.
     */
    public static List<Alert> latestFiringPerType(UUID incidentId) {
        return list("from Alert a where a.incident.id = ?1 and a.firing = true and a.receivedAt = ("
                + "select max(b.receivedAt) from Alert b where b.incident.id = a.incident.id and b.type = a.type"
                + " and b.firing = true) order by a.receivedAt", incidentId);
    }

    /** The first {@code limit} alerts of an incident in receipt order, for summaries that must stay short. */
    public static List<Alert> firstOfIncident(UUID incidentId, int limit) {
        return find("incident.id = ?1 order by receivedAt", incidentId).page(Page.ofSize(limit)).list();
    }

    public static long countOfIncident(UUID incidentId) {
        return count("incident.id", incidentId);
    }

    public static boolean existsWithDedupKey(String dedupKey) {
        return count("dedupKey", dedupKey) > 0;
    }

    /**
     * True when the latest alert of every condition (fingerprint) of the incident says it resolved, and every one
     * came from a source that reports resolution (Alertmanager, the app webhook): a crash seen by the engine or a
     * failed health check never resolves at its source, only by a verified fix or a person.
     */
    public static boolean allResolvedAtSource(UUID incidentId) {
        getEntityManager().flush();
        Number stillOpen = (Number) getEntityManager().createNativeQuery("""
                        select count(*) from (
                            select distinct on (fingerprint) source, firing from alert
                            where incident_id = :incident
                            order by fingerprint, received_at desc, firing desc) latest
                        where firing or source not in ('ALERTMANAGER', 'APP_WEBHOOK')""")
                .setParameter("incident", incidentId)
                .getSingleResult();
        return stillOpen.longValue() == 0;
    }
}
