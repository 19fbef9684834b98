package io.aegisops.monitor.investigation;

import io.aegisops.contract.Fact;
import io.aegisops.contract.ToolCall;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@link Investigator} observed about a target, before any judgement: the input of {@link Corroborator}.
 *
 * @param target      the logical service investigated (the incident's target, or the service of the container an
 *                    on-demand question named); null when an on-demand question's container was not found
 * @param container   the container investigated, null when none was found
 * @param facts       what was observed, in gathering order
 * @param toolCalls   every read made, with its duration and outcome
 * @param startedAt   when gathering began
 * @param completedAt when gathering ended
 */
public record Findings(String target, String container, List<Fact> facts, List<ToolCall> toolCalls,
                       OffsetDateTime startedAt, OffsetDateTime completedAt) {

    public Findings {
        facts = facts == null ? List.of() : List.copyOf(facts);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
