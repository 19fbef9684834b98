package io.aegisops.kit.outbox;

import io.aegisops.contract.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves committed outbox rows to Kafka. Woken right after each commit ({@link OutboxWakeUp}) for low
 * latency and polled as a safety net; rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas never send the same row
 * concurrently, and marked published only after Kafka acknowledged them. A crash between send and mark
 * re-sends the row: delivery is at least once and consumers deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Emitter<String> emitter;
    private final EntityManager entityManager;
    private final ManagedExecutor executor;
    private final OutboxConfig config;
    private final Counter published;
    private final Counter failed;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    public OutboxRelay(@Channel("aegis-outbox") Emitter<String> emitter, EntityManager entityManager,
                       ManagedExecutor executor, OutboxConfig config, MeterRegistry registry) {
        this.emitter = emitter;
        this.entityManager = entityManager;
        this.executor = executor;
        this.config = config;
        this.published = registry.counter("aegis.outbox.published");
        this.failed = registry.counter("aegis.outbox.failed");
    }

    /** Skipped until start-up is complete: the emitter's channel is only wired then. */
    @Scheduled(every = "${aegis.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createQuery("delete from OutboxMessage m where m.publishedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate());
    }

    /** Requests a drain; coalesces concurrent requests into at most one running drain plus one follow-up. */
    public void wake() {
        wanted.set(true);
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drainWhileWanted);
        }
    }

    private void drainWhileWanted() {
        try {
            while (wanted.getAndSet(false)) {
                int sent;
                do {
                    sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
                } while (sent == config.batchSize());
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay paused until the next poll: %s", e.getMessage());
        } finally {
            draining.set(false);
            if (wanted.get()) {
                wake();
            }
        }
    }

    /** Sends one batch in order and marks what Kafka acknowledged; returns how many were acknowledged. */
    int relayBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> batch = entityManager.createNativeQuery("""
                        select * from outbox_message where published_at is null
                        order by seq limit :limit for update skip locked""", OutboxMessage.class)
                .setParameter("limit", config.batchSize())
                .getResultList();
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            acks.add(send(message));
        }
        int acknowledged = 0;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage message = batch.get(i);
            try {
                acks.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                message.publishedAt = now;
                acknowledged++;
                published.increment();
            } catch (Exception e) {
                message.attempts++;
                message.lastError = String.valueOf(e.getMessage());
                failed.increment();
                LOG.warnf("Event %s (%s) not acknowledged by Kafka, will retry: %s", message.id, message.eventType,
                        e.getMessage());
            }
        }
        return acknowledged;
    }

    private CompletableFuture<Void> send(OutboxMessage message) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic)
                .withKey(message.recordKey)
                .withHeaders(headers)
                .build();
        emitter.send(Message.of(message.payload, Metadata.of(kafka),
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return ack;
    }
}
