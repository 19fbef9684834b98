package io.aegisops.approval.domain;

import io.aegisops.contract.Action;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * What the four topics have told this service about one incident so far. A remediation step does not carry
 * the root cause, nor a diagnosis the container, yet every Slack message should show service, cause, action
 * and confidence together: each event fills in what it knows and the message takes the sum.
 */
@Entity
@Table(name = "incident_brief")
public class IncidentBrief extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    public String target;

    public String service;

    public String container;

    @Column(name = "root_cause")
    public String rootCause;

    @Enumerated(EnumType.STRING)
    public Action action;

    public Double confidence;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /**
     * Adds what an event knows (nulls leave a fact as it was) and returns the merged brief. One upsert, so the
     * consumers of different topics can learn about the same new incident at the same moment without either
     * failing on the primary key.
     */
    public static IncidentBrief learn(UUID incidentId, String target, String service, String container,
                                      String rootCause, Action action, Double confidence) {
        getEntityManager().createNativeQuery("""
                        insert into incident_brief (incident_id, target, service, container, root_cause, action,
                                                    confidence, updated_at)
                        values (:id, :target, :service, :container, :rootCause, :action, :confidence, :now)
                        on conflict (incident_id) do update set
                            target = coalesce(excluded.target, incident_brief.target),
                            service = coalesce(excluded.service, incident_brief.service),
                            container = coalesce(excluded.container, incident_brief.container),
                            root_cause = coalesce(excluded.root_cause, incident_brief.root_cause),
                            action = coalesce(excluded.action, incident_brief.action),
                            confidence = coalesce(excluded.confidence, incident_brief.confidence),
                            updated_at = excluded.updated_at""")
                .setParameter("id", incidentId)
                .setParameter("target", target)
                .setParameter("service", service)
                .setParameter("container", container)
                .setParameter("rootCause", rootCause)
                .setParameter("action", action == null ? null : action.name())
                .setParameter("confidence", confidence)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        IncidentBrief brief = findById(incidentId);
        getEntityManager().refresh(brief);
        return brief;
    }

    /** The name people know the incident's subject by. */
    public String displayName() {
        if (service != null && !service.isBlank()) {
            return service;
        }
        if (target != null && !target.isBlank()) {
            return target;
        }
        return container == null || container.isBlank() ? "unknown service" : container;
    }
}
