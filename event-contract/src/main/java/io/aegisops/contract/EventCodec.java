package io.aegisops.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Encodes and decodes {@link CloudEvent}s. Lives in the contract so producers, consumers and tests share
 * one JSON dialect (ISO-8601 times, unknown fields tolerated so the contract can grow).
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {
    }

    /** The mapper behind the codec, for callers that must build or read {@code data} the same way. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new event with a fresh id and the current time. */
    public static CloudEvent create(String source, String type, String incidentId, String subject, Object data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type, incidentId,
                subject, OffsetDateTime.now(ZoneOffset.UTC), "application/json", MAPPER.valueToTree(data), null);
    }

    public static String encode(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " cannot be serialised: " + e.getMessage(), e);
        }
    }

    /**
     * What a signature covers: every attribute a consumer acts on (id, source, type, incident, subject, time) and the
     * data, one per line, the data as this codec writes it. Stable across a round trip through {@link #encode} and
     * {@link #decode}, so the producer signs what it stores and the consumer checks what it read.
     */
    public static byte[] signedContent(CloudEvent event) {
        try {
            String content = String.join("\n", "aegisops-signed-event-v1", String.valueOf(event.id()),
                    String.valueOf(event.source()), String.valueOf(event.type()), String.valueOf(event.incidentid()),
                    String.valueOf(event.subject()),
                    event.time() == null ? "null" : event.time().toInstant().toString(),
                    MAPPER.writeValueAsString(event.data()));
            return content.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " cannot be serialised: " + e.getMessage(), e);
        }
    }

    /**
     * Parses and checks the required CloudEvents attributes.
     *
     * @throws MalformedEventException when the text is not a CloudEvent this version can read
     */
    public static CloudEvent decode(String json) {
        CloudEvent event;
        try {
            event = MAPPER.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a CloudEvent JSON document: " + e.getOriginalMessage());
        }
        if (event == null) {
            throw new MalformedEventException("empty event");
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new MalformedEventException("unsupported specversion " + event.specversion());
        }
        requireText(event.id(), "id");
        requireText(event.type(), "type");
        requireText(event.source(), "source");
        return event;
    }

    /** Reads the event's data as the given record type. */
    public static <T> T data(CloudEvent event, Class<T> type) {
        try {
            return MAPPER.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type()
                    + " has data that is not a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private static void requireText(String value, String attribute) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing CloudEvents attribute '" + attribute + "'");
        }
    }
}
