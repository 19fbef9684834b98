package io.aegisops.diagnosis.domain;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.ApprovalDecision;
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
 * The first decision on one approval request, and the pattern it was about. Keyed by request, so a decision
 * delivered again (or a second decision on the same request, which remediation ignores too) is not learnt
 * twice.
 */
@Entity
@Table(name = "human_decision")
public class HumanDecision extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "diagnosis_id")
    public UUID diagnosisId;

    public String service;

    @Enumerated(EnumType.STRING)
    @Column(name = "alert_type")
    public AlertType alertType;

    /** The proposed action that was judged. */
    @Enumerated(EnumType.STRING)
    public Action action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApprovalDecision.Kind decision;

    /** The action a human chose instead (OVERRIDE, REQUEST_CHANGES). */
    @Enumerated(EnumType.STRING)
    @Column(name = "chosen_action")
    public Action chosenAction;

    public String actor;

    public String reason;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** Went into the pattern's counts (APPROVE, REJECT, OVERRIDE). */
    public boolean counted;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /**
     * Inserts the row unless the request already has one.
     *
     * @return true when this is the request's first decision
     */
    public boolean insertIfFirst() {
        recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return getEntityManager().createNativeQuery("""
                        insert into human_decision (request_id, incident_id, diagnosis_id, service, alert_type, action,
                            decision, chosen_action, actor, reason, decided_at, counted, recorded_at)
                        values (:request, :incident, :diagnosis, :service, :alertType, :action, :decision, :chosen,
                            :actor, :reason, :decidedAt, :counted, :recordedAt)
                        on conflict (request_id) do nothing""")
                .setParameter("request", requestId)
                .setParameter("incident", incidentId)
                .setParameter("diagnosis", diagnosisId)
                .setParameter("service", service)
                .setParameter("alertType", alertType == null ? null : alertType.name())
                .setParameter("action", action == null ? null : action.name())
                .setParameter("decision", decision.name())
                .setParameter("chosen", chosenAction == null ? null : chosenAction.name())
                .setParameter("actor", actor)
                .setParameter("reason", reason)
                .setParameter("decidedAt", decidedAt)
                .setParameter("counted", counted)
                .setParameter("recordedAt", recordedAt)
                .executeUpdate() == 1;
    }
}
