package io.aegisops.approval.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The first Slack message about an incident. Its {@code ts} is the thread every later message of the
 * incident replies in, so a channel shows one line per incident instead of one per stage.
 */
@Entity
@Table(name = "slack_thread")
public class SlackThread extends PanacheEntityBase {

    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String ts;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
