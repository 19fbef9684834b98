package io.aegisops.monitor.domain;

import io.aegisops.contract.IncidentStatus;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Who or what moved an incident from one status to another, and why: the audit trail and the timeline. */
@Entity
@Table(name = "incident_transition")
public class IncidentTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public IncidentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public IncidentStatus toStatus;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public OffsetDateTime at;

    public static List<IncidentTransition> ofIncident(UUID incidentId) {
        return list("incidentId = ?1 order by id", incidentId);
    }

    /** The last entry of each of those incidents' timelines: how each one ended. */
    public static Map<UUID, IncidentTransition> lastOf(Collection<UUID> incidentIds) {
        if (incidentIds.isEmpty()) {
            return Map.of();
        }
        return IncidentTransition.<IncidentTransition>list("from IncidentTransition ending "
                        + "where ending.incidentId in ?1 and ending.id = "
                        + "(select max(t.id) from IncidentTransition t where t.incidentId = ending.incidentId)",
                        incidentIds).stream()
                .collect(Collectors.toMap(t -> t.incidentId, Function.identity()));
    }
}
