package io.aegisops.monitor.docker;

import com.github.dockerjava.api.model.Event;
import io.aegisops.dockerkit.EventTimes;
import com.github.dockerjava.api.model.EventActor;
import com.github.dockerjava.api.model.EventType;
import io.aegisops.contract.Labels;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A container event from the engine, reduced to what the intake reads. Exists so the rest of the package
 * never deals with docker-java's nullable, partly legacy {@link Event} fields (status/from vs action/actor,
 * time vs timeNano).
 *
 * @param containerId full container id
 * @param action      engine action, e.g. {@code die}, {@code kill}, {@code health_status: unhealthy}
 * @param timeNanos   when the engine emitted it, nanoseconds since the epoch
 * @param attributes  the actor attributes: the container's labels plus name, image, exitCode, signal...
 */
public record ContainerEvent(String containerId, String action, long timeNanos, Map<String, String> attributes) {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public ContainerEvent {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The event as a container event, or empty for other event types and events without a container id. */
    public static Optional<ContainerEvent> from(Event event) {
        if (event == null || event.getType() != EventType.CONTAINER) {
            return Optional.empty();
        }
        EventActor actor = event.getActor();
        String id = actor != null && actor.getId() != null ? actor.getId() : event.getId();
        String action = event.getAction() != null ? event.getAction() : event.getStatus();
        if (id == null || id.isBlank() || action == null || action.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> attributes = actor != null && actor.getAttributes() != null
                ? withoutNullValues(actor.getAttributes())
                : Map.of();
        return Optional.of(new ContainerEvent(id, action.trim(), timeNanosOf(event), attributes));
    }

    private static Map<String, String> withoutNullValues(Map<String, String> raw) {
        Map<String, String> copy = new HashMap<>();
        raw.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    private static long timeNanosOf(Event event) {
        return EventTimes.nanos(event).orElse(0L);
    }

    /** Container name without the leading slash, or the short id when the engine did not send a name. */
    public String name() {
        String name = attributes.get("name");
        if (name == null || name.isBlank()) {
            return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
        }
        return name.replaceFirst("^/", "");
    }

    public Optional<String> image() {
        return Optional.ofNullable(attributes.get("image"));
    }

    /** The {@code exitCode} of a {@code die}; empty when absent or not a number. */
    public OptionalInt exitCode() {
        return intAttribute("exitCode");
    }

    /** The signal of a {@code kill}, as sent by the engine (a number such as {@code 15}). */
    public Optional<String> signal() {
        return Optional.ofNullable(attributes.get("signal"));
    }

    public String service() {
        return Labels.serviceOf(attributes, name());
    }

    public OffsetDateTime observedAt() {
        Instant instant = Instant.ofEpochSecond(timeNanos / NANOS_PER_SECOND, timeNanos % NANOS_PER_SECOND);
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Identity used to drop an event the engine replays after a reconnect (same container, time and action). */
    public String dedupeKey() {
        return containerId + '|' + timeNanos + '|' + action;
    }

    private OptionalInt intAttribute(String key) {
        String value = attributes.get(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
