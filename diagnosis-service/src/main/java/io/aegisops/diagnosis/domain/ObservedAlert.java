package io.aegisops.diagnosis.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.EventCodec;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * An alert of an incident, as received on aegis.alerts. Diagnosers need every alert type an incident has
 * seen with its figures and log lines, but not a storm's thousandth copy, so only the newest few per type are
 * kept ({@link #record}).
 */
@Entity
@Table(name = "observed_alert")
public class ObservedAlert extends PanacheEntityBase {

    /** The alert id assigned by monitor-service. */
    @Id
    public String id;

    /** Arrival order, which is the incident's event order (one partition per incident). */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertType type;

    /** The {@link AlertView} as JSON, exactly as received. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    /**
     * Keeps the alert (once, whatever the number of deliveries) and forgets the incident's older alerts of the
     * same type beyond {@code keepPerType}.
     */
    public static void record(UUID incidentId, AlertView alert, int keepPerType) {
        if (findById(alert.id()) != null) {
            return;
        }
        ObservedAlert observed = new ObservedAlert();
        observed.id = alert.id();
        observed.incidentId = incidentId;
        observed.type = alert.type();
        observed.payload = EventCodec.mapper().valueToTree(alert).toString();
        observed.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        observed.persist();
        getEntityManager().flush();
        getEntityManager().createNativeQuery("""
                        delete from observed_alert where incident_id = :incident and type = :type and seq not in (
                            select seq from observed_alert where incident_id = :incident and type = :type
                            order by seq desc limit :keep)""")
                .setParameter("incident", incidentId)
                .setParameter("type", alert.type().name())
                .setParameter("keep", keepPerType)
                .executeUpdate();
    }

    /** The incident's kept alerts, oldest first. */
    public static List<AlertView> ofIncident(UUID incidentId) {
        return ObservedAlert.<ObservedAlert>list("incidentId = ?1 order by seq", incidentId).stream()
                .map(ObservedAlert::view)
                .toList();
    }

    private AlertView view() {
        try {
            return EventCodec.mapper().readValue(payload, AlertView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alert " + id + " is not an AlertView: " + e.getMessage(), e);
        }
    }
}
