package io.aegisops.remediation.domain;

import io.aegisops.contract.Action;
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
 * Every diagnosis revision received, and what was done with it. Exists because later revisions of a decided
 * incident are ignored on purpose, and the history must show that they arrived and why they changed nothing.
 */
@Entity
@Table(name = "diagnosis_record")
public class DiagnosisRecord extends PanacheEntityBase {

    /** What became of a diagnosis. */
    public enum Disposition {
        /** The first diagnosis of its incident: decided. */
        DECIDED,
        /** A revision after a human requested changes: decided again. */
        REDECIDED,
        /** The incident was already decided: recorded, nothing else. */
        IGNORED
    }

    @Id
    @Column(name = "diagnosis_id")
    public String diagnosisId;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "remediation_id")
    public UUID remediationId;

    @Column(nullable = false)
    public int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Column(nullable = false)
    public double confidence;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Disposition disposition;

    public String note;

    /** The diagnosis JSON as received. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    /** The highest revision received for the incident above {@code revision}, if any. */
    public static java.util.Optional<DiagnosisRecord> latestAbove(UUID incidentId, int revision) {
        return find("incidentId = ?1 and revision > ?2 order by revision desc, receivedAt desc", incidentId, revision)
                .firstResultOptional();
    }

    public static List<DiagnosisRecord> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by receivedAt", incidentId);
    }
}
