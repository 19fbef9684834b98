package io.aegisops.approval.slack;

import io.aegisops.approval.domain.Approval;
import io.aegisops.approval.domain.IncidentBrief;
import io.aegisops.approval.domain.Notification;
import io.aegisops.approval.domain.NotificationStage;
import io.aegisops.approval.domain.NotificationStatus;
import io.aegisops.approval.service.ApprovalView;
import io.aegisops.contract.Action;
import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.RemediationEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Queues the message for each stage of an incident. It only writes rows, in the caller's transaction: a
 * pipeline event and its notification commit together, and no consumer ever waits for Slack.
 */
@ApplicationScoped
public class Notifier {

    private final SlackMessages messages;
    private final SlackMode mode;
    private final SlackConfig config;
    private final Event<NotificationQueued> queued;

    public Notifier(SlackConfig config, SlackMode mode, Event<NotificationQueued> queued) {
        this.messages = new SlackMessages(config.dashboardUrl());
        this.mode = mode;
        this.config = config;
        this.queued = queued;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void incidentOpened(AlertEvent event, OffsetDateTime at) {
        IncidentView incident = event.incident();
        AlertView alert = event.alert();
        IncidentBrief brief = IncidentBrief.learn(UUID.fromString(incident.id()), incident.target(),
                incident.service(), incident.container(), null, null, null);
        String detail = alert.type() + " (" + alert.source() + ", " + alert.severity() + "): " + alert.summary();
        queue(NotificationStage.DETECTED, brief, null, "Incident detected on " + brief.displayName(), detail, false,
                at);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void diagnosed(Diagnosis diagnosis, OffsetDateTime at) {
        IncidentBrief brief = IncidentBrief.learn(UUID.fromString(diagnosis.incidentId()), diagnosis.target(),
                diagnosis.service(), diagnosis.container(), diagnosis.rootCause(), diagnosis.action(),
                diagnosis.confidence());
        String title = (diagnosis.revision() > 1 ? "Diagnosis revised (revision " + diagnosis.revision() + ")"
                : "Diagnosed") + ": " + diagnosis.action() + " proposed for " + brief.displayName();
        StringBuilder detail = new StringBuilder(nullToEmpty(diagnosis.justification()));
        if (Math.abs(diagnosis.confidence() - diagnosis.baseConfidence()) > 1e-9) {
            detail.append("\nConfidence ").append(SlackMessages.confidence(diagnosis.confidence()))
                    .append(" (rule: ").append(SlackMessages.confidence(diagnosis.baseConfidence()))
                    .append(", adjusted by past decisions).");
        }
        queue(NotificationStage.DIAGNOSED, brief, null, title, detail.toString(), false, at);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void approvalRequested(Approval approval, OffsetDateTime at) {
        IncidentBrief brief = IncidentBrief.learn(approval.incidentId, approval.target, null, approval.container,
                approval.rootCause, approval.proposedAction, approval.confidence);
        String title = "Approval needed: " + approval.proposedAction + " on " + where(approval, brief);
        queue(NotificationStage.AWAITING_APPROVAL, brief, approval, title, approvalDetail(approval), false, at);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void approvalEscalated(Approval approval, String why) {
        IncidentBrief brief = IncidentBrief.learn(approval.incidentId, null, null, null, null, null, null);
        String title = "approval of " + approval.proposedAction + " on " + where(approval, brief) + " still waiting";
        queue(NotificationStage.APPROVAL_ESCALATED, brief, approval, title,
                "Nobody decided: " + why + ".\n" + approvalDetail(approval), true, approval.escalatedAt);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(Approval approval) {
        IncidentBrief brief = IncidentBrief.learn(approval.incidentId, null, null, null, null, null, null);
        String by = approval.decidedBy;
        String title = switch (approval.decision) {
            case APPROVE -> "Approved by " + by + ": " + approval.proposedAction + " on " + where(approval, brief);
            case REJECT -> "Rejected by " + by + ": nothing will be done to " + where(approval, brief);
            case OVERRIDE -> "Overridden by " + by + ": " + approval.decidedAction + " instead of "
                    + approval.proposedAction;
            case REQUEST_CHANGES -> "Changes requested by " + by + ": waiting for a revised diagnosis";
            case EXPIRE -> "Expired: nobody decided in time, so nothing will be done and humans take over";
        };
        String detail = approval.decisionReason != null ? "Reason: " + approval.decisionReason
                : approval.feedback != null ? "Feedback: " + approval.feedback : null;
        queue(NotificationStage.DECIDED, brief, approval, title, detail, false, approval.decidedAt);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remediationStep(RemediationEvent step, OffsetDateTime at) {
        IncidentBrief brief = IncidentBrief.learn(UUID.fromString(step.incidentId()), step.target(), null,
                step.container(), null, step.action(), null);
        String on = step.container() != null ? step.container() : brief.displayName();
        Action action = step.action();
        String title;
        NotificationStage stage;
        switch (step.stage()) {
            case ACTING -> {
                stage = NotificationStage.ACTING;
                title = "Acting: " + action + " on " + on;
            }
            case RESOLVED -> {
                stage = NotificationStage.RESOLVED;
                title = "Resolved: " + brief.displayName() + " is healthy again after " + action;
            }
            case NO_ACTION -> {
                stage = NotificationStage.RESOLVED;
                title = "Resolved: no action needed on " + brief.displayName();
            }
            case FAILED -> {
                stage = NotificationStage.FAILED;
                title = "Failed: " + action + " did not restore " + brief.displayName();
            }
            case ESCALATED -> {
                stage = NotificationStage.ESCALATED;
                title = "Escalated to humans: " + brief.displayName();
            }
            case REJECTED -> {
                stage = NotificationStage.REJECTED;
                title = "Rejected: nothing was done to " + on;
            }
            // The approval request's own message is richer; verifying is a step nobody needs to be told about.
            default -> {
                return;
            }
        }
        String detail = step.reason() == null ? null
                : step.reason() + (step.actor() == null ? "" : " (" + step.actor() + ")");
        queue(stage, brief, null, title, detail, stage == NotificationStage.ESCALATED, at);
    }

    private void queue(NotificationStage stage, IncidentBrief brief, Approval approval, String title, String detail,
                       boolean loud, OffsetDateTime occurredAt) {
        UUID approvalId = approval == null ? null : approval.id;
        boolean buttons = approval != null && (stage == NotificationStage.AWAITING_APPROVAL
                || stage == NotificationStage.APPROVAL_ESCALATED);
        // Citations belong to the question: its message and its reminder, where people decide.
        Notice notice = new Notice(stage, brief.incidentId, title, detail, brief.displayName(), brief.rootCause,
                approval != null && approval.decidedAction != null ? approval.decidedAction : brief.action,
                brief.confidence, buttons ? approvalId : null, loud,
                buttons ? ApprovalView.of(approval).citations() : List.of());
        SlackMessages.Rendered rendered = messages.render(notice, buttons && mode.interactive());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.incidentId = brief.incidentId;
        notification.approvalId = approvalId;
        notification.stage = stage;
        notification.text = rendered.text();
        notification.blocks = rendered.blocks().toString();
        notification.broadcast = loud;
        notification.occurredAt = occurredAt == null ? now : occurredAt;
        notification.createdAt = now;
        notification.status = NotificationStatus.PENDING;
        notification.nextAttemptAt = now.plus(config.delivery().settleDelay());
        notification.persist();
        queued.fire(new NotificationQueued());
    }

    private static String approvalDetail(Approval approval) {
        StringBuilder detail = new StringBuilder("Why a human: ").append(nullToEmpty(approval.reason));
        List<String> evidence = ApprovalView.of(approval).evidence();
        evidence.stream().limit(3).forEach(line -> detail.append("\n• ").append(line));
        return detail.toString();
    }

    private static String where(Approval approval, IncidentBrief brief) {
        return approval.container != null ? approval.container : brief.displayName();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
