package io.aegisops.diagnosis.domain;

import io.aegisops.contract.Action;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.IncidentView;
import io.aegisops.diagnosis.service.Conclusion;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's memory of one incident: where it stands and what was last concluded about it. Kept here
 * rather than asked of monitor-service, so a diagnosis never waits on another service being up.
 */
@Entity
@Table(name = "incident_case")
public class IncidentCase extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    public String target;

    public String service;

    public String container;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentStatus status;

    /** The latest issued revision; 0 before the first diagnosis. */
    public int revision;

    @Column(name = "current_diagnosis_id")
    public UUID currentDiagnosisId;

    public String engine;

    @Column(name = "rule_id")
    public String ruleId;

    @Enumerated(EnumType.STRING)
    public Action action;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Locked, so two events of one incident (two replicas after a rebalance) cannot both issue revision n. */
    public static Optional<IncidentCase> findForUpdate(UUID incidentId) {
        return Optional.ofNullable(getEntityManager().find(IncidentCase.class, incidentId,
                LockModeType.PESSIMISTIC_WRITE));
    }

    /** The case of the incident, created from the view the first time the incident is heard of. */
    public static IncidentCase follow(IncidentView view) {
        UUID id = UUID.fromString(view.id());
        IncidentCase incidentCase = findForUpdate(id).orElseGet(() -> {
            IncidentCase created = new IncidentCase();
            created.incidentId = id;
            created.status = view.status();
            return created;
        });
        incidentCase.update(view);
        incidentCase.persist();
        return incidentCase;
    }

    /**
     * Takes the latest description of the incident. A closed incident stays closed: events are ordered per
     * incident, but a stale view must never reopen what monitor-service has closed.
     */
    private void update(IncidentView view) {
        target = view.target() == null ? target : view.target();
        service = view.service() == null ? service : view.service();
        container = view.container() == null ? container : view.container();
        if (!isClosed() && view.status() != null) {
            status = view.status();
        }
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public boolean isClosed() {
        return status != null && status.isClosed();
    }

    public Optional<Conclusion> conclusion() {
        return revision == 0 ? Optional.empty() : Optional.of(new Conclusion(engine, ruleId, action));
    }

    /**
     * Records a revision a human asked for as the current one. The machine's conclusion (engine, rule, action)
     * stays what it was: alerts that change nothing must not issue a revision that undoes the human's choice,
     * while new evidence that changes the rules' conclusion still does.
     */
    public void revisedByHuman(Diagnosis diagnosis) {
        revision = diagnosis.revision();
        currentDiagnosisId = UUID.fromString(diagnosis.id());
        updatedAt = diagnosis.diagnosedAt();
    }

    /** Records a newly issued revision as the current one. */
    public void concluded(Diagnosis diagnosis) {
        revision = diagnosis.revision();
        currentDiagnosisId = UUID.fromString(diagnosis.id());
        engine = diagnosis.engine();
        ruleId = diagnosis.ruleId();
        action = diagnosis.action();
        updatedAt = diagnosis.diagnosedAt();
    }
}
