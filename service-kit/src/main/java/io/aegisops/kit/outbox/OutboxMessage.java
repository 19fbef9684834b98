package io.aegisops.kit.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One event waiting to be relayed to Kafka. Written in the same transaction as the state change it
 * announces, so the two can never diverge: if the transaction rolls back, the event never existed.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    /** The CloudEvent id: the consumers' idempotency key. */
    @Id
    public UUID id;

    /** Insertion order; the relay sends in this order so one incident's events keep their order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String topic;

    /** Kafka record key (the incident id). */
    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    /** The encoded CloudEvent, exactly as it goes on the wire. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
