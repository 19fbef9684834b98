package io.aegisops.dashboard.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * One applied event, kept so the incident view is always a fold of everything seen (in time order) rather than
 * of whatever arrived last: that is what makes the view independent of arrival order and of redeliveries.
 */
@Entity
@Table(name = "incident_event")
public class IncidentEvent extends PanacheEntityBase {

    /** The CloudEvent id: a redelivered event finds its row and is not stored twice. */
    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "incident_id", nullable = false)
    public String incidentId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    /** The CloudEvent {@code time}: when the state change happened, the fold's order. */
    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    /** The event's {@code data}, as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String data;
}
