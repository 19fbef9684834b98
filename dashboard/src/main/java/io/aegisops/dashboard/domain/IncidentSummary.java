package io.aegisops.dashboard.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * The folded view of one incident, stored so the page (and a restarted dashboard) reads it without refolding,
 * with the few columns that lists sort and filter by.
 */
@Entity
@Table(name = "incident_summary")
public class IncidentSummary extends PanacheEntityBase {

    @Id
    public String id;

    public String target;

    @Column(nullable = false)
    public String status;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    /** Time of the latest event folded in (not wall-clock), so equal event sets give equal rows. */
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** RESOLVED or REJECTED. */
    @Column(nullable = false)
    public boolean closed;

    /** The {@code IncidentCard} as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String view;
}
