package io.aegisops.remediation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A decision event that was not applied because approval-service did not produce it. Every field but the reason is
 * what the event claimed, kept verbatim (clipped) as evidence of the attempt, not as fact.
 */
@Entity
@Table(name = "refused_decision")
public class RefusedDecision extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    public String source;

    @Column(name = "incident_id")
    public String incidentId;

    @Column(name = "request_id")
    public String requestId;

    public String decision;

    public String actor;

    @Column(nullable = false)
    public String reason;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
