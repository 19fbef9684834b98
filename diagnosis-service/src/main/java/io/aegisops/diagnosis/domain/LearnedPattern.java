package io.aegisops.diagnosis.domain;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.ApprovalDecision;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What humans have said about one pattern (a service, the alert type that decided, the action proposed):
 * how often they approved, rejected or overrode it. The confidence is computed from these counts when a
 * diagnosis is made, so changing the prior or the floor in configuration applies to all history at once.
 */
@Entity
@Table(name = "learned_pattern")
public class LearnedPattern extends PanacheEntityBase {

    /** The pattern's identity. */
    @Embeddable
    public static class Key implements Serializable {
        public String service;

        @Enumerated(EnumType.STRING)
        @Column(name = "alert_type")
        public AlertType alertType;

        @Enumerated(EnumType.STRING)
        public Action action;

        public Key() {
        }

        public Key(String service, AlertType alertType, Action action) {
            this.service = service;
            this.alertType = alertType;
            this.action = action;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(service, k.service) && alertType == k.alertType
                    && action == k.action;
        }

        @Override
        public int hashCode() {
            return Objects.hash(service, alertType, action);
        }
    }

    @EmbeddedId
    public Key key;

    public int approved;

    public int rejected;

    public int overridden;

    /** The rule's confidence for this pattern, as of the latest decision. */
    @Column(name = "base_confidence", nullable = false)
    public double baseConfidence;

    @Column(name = "last_decision_at")
    public OffsetDateTime lastDecisionAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static Optional<LearnedPattern> find(String service, AlertType alertType, Action action) {
        return findByIdOptional(new Key(service, alertType, action));
    }

    public static List<LearnedPattern> all(String service) {
        return service == null ? list("order by key.service, key.alertType, key.action")
                : list("key.service = ?1 order by key.alertType, key.action", service);
    }

    /** Adds one decision to the pattern's counts; an upsert, so concurrent first decisions cannot collide. */
    public static void count(Key key, ApprovalDecision.Kind decision, double baseConfidence, OffsetDateTime at) {
        int approve = decision == ApprovalDecision.Kind.APPROVE ? 1 : 0;
        int reject = decision == ApprovalDecision.Kind.REJECT ? 1 : 0;
        int override = decision == ApprovalDecision.Kind.OVERRIDE ? 1 : 0;
        getEntityManager().createNativeQuery("""
                        insert into learned_pattern (service, alert_type, action, approved, rejected, overridden,
                            base_confidence, last_decision_at, updated_at)
                        values (:service, :alertType, :action, :approve, :reject, :override, :base, :at, :now)
                        on conflict (service, alert_type, action) do update set
                            approved = learned_pattern.approved + excluded.approved,
                            rejected = learned_pattern.rejected + excluded.rejected,
                            overridden = learned_pattern.overridden + excluded.overridden,
                            base_confidence = excluded.base_confidence,
                            last_decision_at = greatest(learned_pattern.last_decision_at, excluded.last_decision_at),
                            updated_at = excluded.updated_at""")
                .setParameter("service", key.service)
                .setParameter("alertType", key.alertType.name())
                .setParameter("action", key.action.name())
                .setParameter("approve", approve)
                .setParameter("reject", reject)
                .setParameter("override", override)
                .setParameter("base", baseConfidence)
                .setParameter("at", at)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
    }
}
