package io.aegisops.monitor.investigation;

import io.aegisops.contract.AlertType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An investigation as a row: written PENDING in the transaction of the alert that asked for it, so a crash or a
 * lost wake-up never loses it, and COMPLETED with its report by the one runner whose conditional update won.
 */
@Entity
@Table(name = "investigation")
public class StoredInvestigation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "trigger_alert_id", nullable = false)
    public UUID triggerAlertId;

    /** The type that was new on the incident when this was asked for. */
    @Enumerated(EnumType.STRING)
    @Column(name = "alert_type", nullable = false)
    public AlertType alertType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvestigationStatus status;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    /** The contract's {@code Investigation} as JSON, once completed. */
    @Column(columnDefinition = "text")
    public String payload;

    public static List<StoredInvestigation> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by requestedAt desc, id", incidentId);
    }
}
