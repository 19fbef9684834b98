package io.aegisops.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data of {@link EventTypes#INVESTIGATION_COMPLETED} on {@link Topics#ALERTS}: the facts monitor-service gathered
 * about an incident's target with read-only tools and whether each alert type's claim is corroborated by them.
 * Diagnosis waits for it, so every diagnosis rests on observations, not only on what alerts say.
 *
 * @param id             investigation id (UUID)
 * @param incidentId     the incident
 * @param target         the incident's target
 * @param container      the container investigated, null when none was found
 * @param triggerAlertId the alert whose arrival asked for this investigation
 * @param facts          what was observed, in gathering order
 * @param claims         one per alert type of the incident at the time
 * @param toolCalls      every read made, with its duration and outcome
 * @param startedAt      when gathering began
 * @param completedAt    when gathering ended
 */
public record Investigation(
        String id,
        String incidentId,
        String target,
        String container,
        String triggerAlertId,
        List<Fact> facts,
        List<Claim> claims,
        List<ToolCall> toolCalls,
        OffsetDateTime startedAt,
        OffsetDateTime completedAt) {

    public Investigation {
        facts = facts == null ? List.of() : List.copyOf(facts);
        claims = claims == null ? List.of() : List.copyOf(claims);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public Optional<Fact> fact(String factId) {
        return facts.stream().filter(f -> f.id().equals(factId)).findFirst();
    }

    public Optional<Fact> factNamed(String name) {
        return facts.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<Claim> claimFor(AlertType type) {
        return claims.stream().filter(c -> c.alertType() == type).findFirst();
    }

    /** Fact values by name (the first fact of each name), for rules that test facts. */
    public Map<String, JsonNode> valuesByName() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        facts.forEach(f -> values.putIfAbsent(f.name(), f.value()));
        return values;
    }
}
