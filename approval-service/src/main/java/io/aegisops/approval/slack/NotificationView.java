package io.aegisops.approval.slack;

import io.aegisops.approval.domain.Notification;
import io.aegisops.approval.domain.NotificationStage;
import io.aegisops.approval.domain.NotificationStatus;

import java.time.OffsetDateTime;

/**
 * A notification and how its delivery went, for the dashboard and for whoever wonders why Slack stayed quiet.
 *
 * @param channel   how it went out: api, webhook or log (null before the first attempt)
 * @param lastError the latest failure, without secrets
 * @param slackTs   the Slack message it became (Web API only)
 */
public record NotificationView(String id, String incidentId, String approvalId, NotificationStage stage,
                               NotificationStatus status, String channel, int attempts, String lastError,
                               OffsetDateTime occurredAt, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt,
                               OffsetDateTime deliveredAt, String slackTs, String text) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id.toString(), n.incidentId.toString(),
                n.approvalId == null ? null : n.approvalId.toString(), n.stage, n.status, n.channel, n.attempts,
                n.lastError, n.occurredAt, n.createdAt, n.status == NotificationStatus.PENDING ? n.nextAttemptAt : null,
                n.deliveredAt, n.slackTs, n.text);
    }
}
