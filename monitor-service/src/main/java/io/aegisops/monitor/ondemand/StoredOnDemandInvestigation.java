package io.aegisops.monitor.ondemand;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An on-demand report as a row, written once when its investigation completed. Apart from {@code investigation}
 * because it has no incident and no alert, and nothing is announced for it: it answers a person, it does not start
 * a diagnosis.
 */
@Entity
@Table(name = "on_demand_investigation")
public class StoredOnDemandInvestigation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String target;

    @Column(nullable = false)
    public String container;

    @Column(nullable = false, columnDefinition = "text")
    public String question;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "completed_at", nullable = false)
    public OffsetDateTime completedAt;

    /** The {@link OnDemandReport} as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;
}
