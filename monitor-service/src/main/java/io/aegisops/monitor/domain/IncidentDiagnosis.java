package io.aegisops.monitor.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The latest diagnosis of one incident, as monitor-service received it. Exists so a closed incident can be written
 * up (postmortem, similar incidents) from what monitor owns, without a call to diagnosis-service.
 */
@Entity
@Table(name = "incident_diagnosis")
public class IncidentDiagnosis extends PanacheEntityBase {

    /*
     * One statement, so two deliveries racing for the same incident cannot both insert, and a late lower revision
     * cannot replace a higher one.
     */
    private static final String KEEP_LATEST = """
            insert into incident_diagnosis (incident_id, diagnosis_id, revision, diagnosed_at, payload)
            values (?1, ?2, ?3, ?4, ?5)
            on conflict (incident_id) do update set diagnosis_id = excluded.diagnosis_id,
                revision = excluded.revision, diagnosed_at = excluded.diagnosed_at, payload = excluded.payload
            where incident_diagnosis.revision < excluded.revision
               or (incident_diagnosis.revision = excluded.revision
                   and incident_diagnosis.diagnosed_at <= excluded.diagnosed_at)
            """;

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "diagnosis_id", nullable = false)
    public String diagnosisId;

    @Column(nullable = false)
    public int revision;

    @Column(name = "diagnosed_at", nullable = false)
    public OffsetDateTime diagnosedAt;

    /** The contract's {@code Diagnosis} as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    /** Stores {@code diagnosis} unless a later revision of its incident is stored; in the caller's transaction. */
    public static void keepIfLatest(UUID incidentId, Diagnosis diagnosis) {
        getEntityManager().createNativeQuery(KEEP_LATEST)
                .setParameter(1, incidentId)
                .setParameter(2, diagnosis.id())
                .setParameter(3, diagnosis.revision())
                .setParameter(4, diagnosis.diagnosedAt())
                .setParameter(5, EventCodec.mapper().valueToTree(diagnosis).toString())
                .executeUpdate();
    }

    public static Optional<Diagnosis> latestOf(UUID incidentId) {
        return IncidentDiagnosis.<IncidentDiagnosis>findByIdOptional(incidentId).map(IncidentDiagnosis::diagnosis);
    }

    /** The stored diagnoses of those incidents that have one. */
    public static Map<UUID, Diagnosis> latestOf(Collection<UUID> incidentIds) {
        if (incidentIds.isEmpty()) {
            return Map.of();
        }
        return IncidentDiagnosis.<IncidentDiagnosis>list("incidentId in ?1", incidentIds).stream()
                .collect(Collectors.toMap(row -> row.incidentId, IncidentDiagnosis::diagnosis));
    }

    public Diagnosis diagnosis() {
        try {
            return EventCodec.mapper().readValue(payload, Diagnosis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored diagnosis of incident " + incidentId + " is not JSON", e);
        }
    }
}
