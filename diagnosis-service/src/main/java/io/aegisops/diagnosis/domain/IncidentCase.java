package io.aegisops.diagnosis.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aegisops.contract.Action;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.Investigation;
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

    /** Whether the current revision's claim is corroborated: part of its conclusion. */
    public boolean corroborated;

    /** The latest investigation (Investigation JSON); null until monitor-service reported one. */
    @Column(columnDefinition = "text")
    public String investigation;

    /** The incident as monitor-service last described it (IncidentView JSON). */
    @Column(name = "incident_view", columnDefinition = "text")
    public String incidentView;

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
        incidentView = write(view);
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
        return revision == 0 ? Optional.empty() : Optional.of(new Conclusion(engine, ruleId, action, corroborated));
    }

    /** The case of an incident first heard of through its investigation (its alerts are normally heard first). */
    public static IncidentCase forInvestigation(Investigation investigation) {
        UUID id = UUID.fromString(investigation.incidentId());
        return findForUpdate(id).orElseGet(() -> {
            IncidentCase created = new IncidentCase();
            created.incidentId = id;
            created.target = investigation.target();
            created.container = investigation.container();
            created.status = IncidentStatus.OPEN;
            created.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            created.persist();
            return created;
        });
    }

    /**
     * Keeps the newer of the current and the given investigation (investigations of one incident may complete out
     * of order when several run at once).
     *
     * @return true when the given one is now the current one
     */
    public boolean investigated(Investigation next) {
        Optional<Investigation> current = latestInvestigation();
        if (current.isPresent() && current.get().completedAt() != null && next.completedAt() != null
                && current.get().completedAt().isAfter(next.completedAt())) {
            return false;
        }
        investigation = write(next);
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return true;
    }

    public Optional<Investigation> latestInvestigation() {
        return Optional.ofNullable(investigation).map(json -> read(json, Investigation.class));
    }

    public Optional<IncidentView> lastView() {
        return Optional.ofNullable(incidentView).map(json -> read(json, IncidentView.class));
    }

    private static String write(Object value) {
        return EventCodec.mapper().valueToTree(value).toString();
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("incident case " + incidentId + " holds an unreadable "
                    + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
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
        corroborated = diagnosis.corroborated();
        revision = diagnosis.revision();
        currentDiagnosisId = UUID.fromString(diagnosis.id());
        engine = diagnosis.engine();
        ruleId = diagnosis.ruleId();
        action = diagnosis.action();
        updatedAt = diagnosis.diagnosedAt();
    }
}
