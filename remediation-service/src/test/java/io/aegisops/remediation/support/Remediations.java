package io.aegisops.remediation.support;

import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.RemediationEvent;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Topics;
import io.aegisops.testsupport.KafkaTestClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends events to remediation-service and reads back what it published, the way monitor-service and the dashboard
 * read it. Each topic gets a KafkaTestClient of its own: one client's readers share a consumer group, and a
 * reader joining for a second topic would stall until the idle first reader is evicted from the group.
 */
public final class Remediations implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(60);

    private final Map<String, KafkaTestClient> clients = new ConcurrentHashMap<>();
    private volatile DataSource dataSource;

    /** Where the inbox lives, for {@link #awaitProcessed}; set per test instance (Quarkus injects it). */
    public Remediations use(DataSource dataSource) {
        this.dataSource = dataSource;
        return this;
    }

    /** The client reading {@code topic} (and sending to it). */
    public KafkaTestClient on(String topic) {
        return clients.computeIfAbsent(topic, t -> new KafkaTestClient());
    }

    public void send(String topic, CloudEvent event) {
        on(topic).send(topic, event);
    }

    @Override
    public void close() {
        clients.values().forEach(KafkaTestClient::close);
        clients.clear();
    }

    /** Waits for the incident's {@code count}-th event of {@code stage} and returns the first {@code count}. */
    public List<RemediationEvent> await(String incidentId, RemediationStage stage, int count) {
        return on(Topics.REMEDIATIONS).awaitEvents(Topics.REMEDIATIONS, e -> incidentId.equals(e.incidentid())
                        && EventTypes.REMEDIATION_STAGE.equals(e.type()) && stageOf(e) == stage, count, WAIT)
                .stream().map(e -> EventCodec.data(e, RemediationEvent.class)).toList();
    }

    public RemediationEvent await(String incidentId, RemediationStage stage) {
        return await(incidentId, stage, 1).get(0);
    }

    /** The incident's approval requests, oldest first, once {@code count} have been published. */
    public List<ApprovalRequest> awaitApprovalRequests(String incidentId, int count) {
        return on(Topics.APPROVALS).awaitEvents(Topics.APPROVALS, e -> incidentId.equals(e.incidentid())
                        && EventTypes.APPROVAL_REQUESTED.equals(e.type()), count, WAIT)
                .stream().map(e -> EventCodec.data(e, ApprovalRequest.class)).toList();
    }

    /** Sends an event and waits until the named consumer has processed it (its inbox row committed). */
    public void sendAndAwaitProcessed(String topic, String consumer, CloudEvent event) {
        send(topic, event);
        awaitProcessed(consumer, event.id());
    }

    public void awaitProcessed(String consumer, String eventId) {
        Await.until("event " + eventId + " is processed by " + consumer, WAIT, () -> processed(consumer, eventId));
    }

    private boolean processed(String consumer, String eventId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select 1 from processed_event where consumer = ? and event_id = ?")) {
            s.setString(1, consumer);
            s.setString(2, eventId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RemediationStage stageOf(CloudEvent event) {
        return EventCodec.data(event, RemediationEvent.class).stage();
    }
}
