package io.aegisops.approval.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One message for people, queued like an outbox row. Kafka consumers only insert these, inside the
 * transaction that applies their event, so Slack being slow, down or rate-limiting never holds up or loses a
 * pipeline event; the sender delivers them afterwards and records how that went.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(name = "approval_id")
    public UUID approvalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStage stage;

    /** Plain-text fallback: Slack's notification text, and what is logged without Slack. */
    @Column(nullable = false, columnDefinition = "text")
    public String text;

    /** Block Kit blocks, a JSON array. */
    @Column(nullable = false, columnDefinition = "text")
    public String blocks;

    /** Also show this thread reply in the channel (escalations). */
    public boolean broadcast;

    /** When the announced change happened: an incident's messages go out in this order. */
    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    /** How it went out: {@code api} (chat.postMessage / chat.update), {@code webhook} or {@code log}. */
    public String channel;

    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    /** Why the latest attempt failed; never contains the token or the webhook URL. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;

    /** Where Slack put the message (chat.postMessage only), so it can be threaded under or updated later. */
    @Column(name = "slack_channel")
    public String slackChannel;

    @Column(name = "slack_ts")
    public String slackTs;

    /** Messages of an approval that carry its buttons and were posted through the API, oldest first. */
    public static List<Notification> postedWithButtons(UUID approvalId) {
        return list("approvalId = ?1 and stage in ?2 and slackTs is not null order by seq", approvalId,
                List.of(NotificationStage.AWAITING_APPROVAL, NotificationStage.APPROVAL_ESCALATED));
    }
}
