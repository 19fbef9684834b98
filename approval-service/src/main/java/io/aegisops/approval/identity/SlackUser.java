package io.aegisops.approval.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** Which principal a Slack user acts as when clicking Approve or Reject; managed by an admin. */
@Entity
@Table(name = "slack_user")
public class SlackUser extends PanacheEntityBase {

    @Id
    @Column(name = "slack_user_id")
    public String slackUserId;

    @Column(nullable = false)
    public String principal;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
