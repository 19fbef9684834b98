package io.aegisops.approval.service;

import io.aegisops.approval.domain.Approval;
import io.aegisops.approval.domain.ApprovalStatus;
import io.aegisops.approval.domain.AuditEntry;
import io.aegisops.approval.domain.AuditKind;
import io.aegisops.approval.slack.Notifier;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.Topics;
import io.aegisops.kit.outbox.Outbox;
import io.aegisops.kit.signing.EventSigner;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The write side of approvals: store a request, record the one decision that wins, comment. Each change, its
 * audit entry, its event (outbox) and its notification commit in one transaction.
 */
@ApplicationScoped
public class ApprovalService {

    private static final Logger LOG = Logger.getLogger(ApprovalService.class);

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Notifier notifier;
    private final ApprovalConfig config;
    private final EventSigner signer;

    public ApprovalService(EntityManager entityManager, Outbox outbox, Notifier notifier, ApprovalConfig config,
                           EventSigner signer) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.notifier = notifier;
        this.config = config;
        this.signer = signer;
    }

    /** A missing signing key stops the service at start-up, not at the first decision an approver makes. */
    void checkSigningKey(@Observes StartupEvent start) {
        signer.checkKey();
    }

    /**
     * Stores a request as a pending approval and asks people. A request already stored (the same request in a
     * new envelope) changes nothing.
     *
     * @return true when the approval is new
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean requested(ApprovalRequest request, OffsetDateTime at) {
        UUID id = UUID.fromString(request.requestId());
        if (Approval.findById(id) != null) {
            LOG.debugf("Approval request %s is already stored", id);
            return false;
        }
        Approval approval = new Approval();
        approval.id = id;
        approval.incidentId = UUID.fromString(request.incidentId());
        approval.remediationId = request.remediationId();
        approval.diagnosisId = request.diagnosisId();
        approval.target = request.target();
        approval.container = request.container();
        approval.proposedAction = request.proposedAction();
        approval.confidence = request.confidence();
        approval.rootCause = request.rootCause();
        approval.evidence = EventCodec.mapper().valueToTree(
                request.evidence() == null ? List.of() : request.evidence()).toString();
        approval.citations = EventCodec.mapper().valueToTree(request.citations()).toString();
        approval.reason = request.reason();
        approval.requestedAt = request.requestedAt() == null ? at : request.requestedAt();
        approval.receivedAt = now();
        approval.status = ApprovalStatus.PENDING;
        approval.persist();
        AuditEntry.record(approval, AuditKind.REQUESTED, "remediation-service", null, approval.proposedAction,
                approval.reason, approval.receivedAt);
        notifier.approvalRequested(approval, at);
        LOG.infof("Approval %s for incident %s: %s on %s awaits a decision (%s)", id, approval.incidentId,
                approval.proposedAction, approval.target, approval.reason);
        return true;
    }

    /**
     * Records a decision if, and only if, the approval is still open. The conditional update is the arbiter:
     * PostgreSQL makes concurrent updaters of the row wait and re-check the condition, so on any number of
     * replicas exactly one decision matches and every other one finds the winner.
     */
    @Transactional
    public DecisionOutcome decide(UUID approvalId, Decision decision) {
        DecisionRules.check(decision, config.overrideActions());
        OffsetDateTime decidedAt = now();
        int won = entityManager.createNativeQuery("""
                        update approval set status = :status, decision = :decision, decided_action = :action,
                            decided_by = :actor, decision_reason = :reason, feedback = :feedback, decided_at = :at
                        where id = :id and status in ('PENDING', 'ESCALATED')""")
                .setParameter("status", ApprovalStatus.after(decision.kind()).name())
                .setParameter("decision", decision.kind().name())
                .setParameter("action", decision.action() == null ? null : decision.action().name())
                .setParameter("actor", decision.actor().trim())
                .setParameter("reason", blankToNull(decision.reason()))
                .setParameter("feedback", blankToNull(decision.feedback()))
                .setParameter("at", decidedAt)
                .setParameter("id", approvalId)
                .executeUpdate();
        Approval approval = entityManager.find(Approval.class, approvalId);
        if (approval == null) {
            return new DecisionOutcome.Unknown();
        }
        entityManager.refresh(approval);
        if (won == 0) {
            LOG.infof("Decision %s by %s on approval %s refused: already %s by %s", decision.kind(), decision.actor(),
                    approvalId, approval.decision, approval.decidedBy);
            return new DecisionOutcome.AlreadyDecided(ApprovalView.of(approval));
        }
        announce(approval, approval.decisionReason != null ? approval.decisionReason : approval.feedback);
        LOG.infof("Approval %s (incident %s) decided: %s%s by %s", approvalId, approval.incidentId,
                approval.decision, approval.decidedAction == null ? "" : " " + approval.decidedAction,
                approval.decidedBy);
        return new DecisionOutcome.Decided(ApprovalView.of(approval));
    }

    /**
     * Expires an approval nobody decided within T2. The caller holds the row lock (timeout job), so a
     * concurrent human decision waits and then finds it expired.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(Approval approval) {
        approval.status = ApprovalStatus.EXPIRED;
        approval.decision = ApprovalDecision.Kind.EXPIRE;
        approval.decidedBy = "approval-service (timeout)";
        approval.decisionReason = "no decision within " + Durations.words(config.expireAfter());
        approval.decidedAt = now();
        announce(approval, approval.decisionReason);
        LOG.infof("Approval %s (incident %s) expired: %s", approval.id, approval.incidentId, approval.decisionReason);
    }

    /** Marks an approval escalated after T1 and reminds people, louder; it stays decidable. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void escalate(Approval approval) {
        approval.status = ApprovalStatus.ESCALATED;
        approval.escalatedAt = now();
        String why = "no decision within " + Durations.words(config.escalateAfter()) + "; expires after "
                + Durations.words(config.expireAfter());
        AuditEntry.record(approval, AuditKind.ESCALATED, "approval-service (timeout)", null, null, why,
                approval.escalatedAt);
        notifier.approvalEscalated(approval, why);
        LOG.infof("Approval %s (incident %s) escalated: %s", approval.id, approval.incidentId, why);
    }

    /** @return empty when there is no such approval */
    @Transactional
    public Optional<CommentView> comment(UUID approvalId, String actor, String text) {
        Approval approval = Approval.findById(approvalId);
        if (approval == null) {
            return Optional.empty();
        }
        AuditEntry entry = AuditEntry.record(approval, AuditKind.COMMENTED, actor.trim(), null, null, text, now());
        return Optional.of(CommentView.of(entry));
    }

    private void announce(Approval approval, String why) {
        AuditEntry.record(approval, AuditKind.DECIDED, approval.decidedBy, approval.decision, approval.decidedAction,
                why, approval.decidedAt);
        outbox.publish(Topics.APPROVALS, EventTypes.APPROVAL_DECIDED, approval.incidentId.toString(), approval.target,
                approval.toDecision(), signer::sign);
        notifier.decided(approval);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** PostgreSQL keeps microseconds: what the API returns later must equal what was published. */
    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
