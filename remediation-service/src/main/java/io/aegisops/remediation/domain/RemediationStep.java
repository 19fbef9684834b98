package io.aegisops.remediation.domain;

import io.aegisops.contract.RemediationStage;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One published stage of a remediation, kept so the history can be read without replaying Kafka. */
@Entity
@Table(name = "remediation_step")
public class RemediationStep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "remediation_id", nullable = false)
    public UUID remediationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RemediationStage stage;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public OffsetDateTime at;

    /** The event's details as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String details;

    /** The CloudEvent that announced it. */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    public static List<RemediationStep> of(UUID remediationId) {
        return list("remediationId = ?1 order by id", remediationId);
    }
}
