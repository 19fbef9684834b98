package io.aegisops.kit.outbox;

import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The only way a service announces a state change. It never talks to Kafka: it writes the event into the
 * caller's transaction, and {@link OutboxRelay} delivers it after commit (at least once).
 */
@ApplicationScoped
public class Outbox {

    private final String source;
    private final Event<OutboxWritten> written;

    public Outbox(@ConfigProperty(name = "quarkus.application.name") String applicationName,
                  Event<OutboxWritten> written) {
        this.source = "/aegisops/" + applicationName;
        this.written = written;
    }

    /**
     * Adds an event to the current transaction.
     *
     * @param topic      destination topic
     * @param type       CloudEvents type
     * @param incidentId the incident; also the Kafka key
     * @param subject    the target the incident is about (may be null)
     * @param data       the payload, serialised as JSON
     * @return the event as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String type, String incidentId, String subject, Object data) {
        return publish(topic, type, incidentId, subject, data, UnaryOperator.identity());
    }

    /**
     * As {@link #publish(String, String, String, String, Object)}, with the event finished (e.g. signed by
     * {@link io.aegisops.kit.signing.EventSigner}) before it is stored: what is relayed is exactly what was finished.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String type, String incidentId, String subject, Object data,
                              UnaryOperator<CloudEvent> finish) {
        CloudEvent event = finish.apply(EventCodec.create(source, type, incidentId, subject, data));
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.fromString(event.id());
        message.topic = topic;
        message.recordKey = incidentId;
        message.eventType = type;
        message.payload = EventCodec.encode(event);
        message.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        message.persist();
        written.fire(new OutboxWritten());
        return event;
    }
}
