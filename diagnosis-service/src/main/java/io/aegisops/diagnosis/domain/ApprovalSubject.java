package io.aegisops.diagnosis.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Which diagnosis an approval request put in front of a human. The decision event names only the request and
 * the incident; this is how it is traced back to the exact diagnosis (and so the pattern) it judged.
 */
@Entity
@Table(name = "approval_subject")
public class ApprovalSubject extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "diagnosis_id")
    public UUID diagnosisId;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    /** Remembers the request once, whatever the number of deliveries. */
    public static void remember(UUID requestId, UUID incidentId, UUID diagnosisId) {
        getEntityManager().createNativeQuery("""
                        insert into approval_subject (request_id, incident_id, diagnosis_id, received_at)
                        values (:request, :incident, :diagnosis, :now) on conflict do nothing""")
                .setParameter("request", requestId)
                .setParameter("incident", incidentId)
                .setParameter("diagnosis", diagnosisId)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
    }
}
