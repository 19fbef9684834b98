package io.aegisops.monitor.ondemand;

import io.aegisops.contract.Citation;
import io.aegisops.contract.Fact;
import io.aegisops.contract.ToolCall;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The answer to a question asked about a target without an incident ({@code POST /api/investigations}), as stored
 * and returned.
 *
 * @param id          the report (UUID)
 * @param target      the logical service of the container investigated ({@code aegis.service}, else the Compose
 *                    service, else the container name)
 * @param container   the container investigated
 * @param question    the question, as asked
 * @param requestedAt when it was asked
 * @param requestedBy who asked: the authenticated principal ({@code Actors.describe}); null in reports stored before
 *                    callers were authenticated
 * @param completedAt when gathering ended
 * @param toolCalls   every read-only call made, with its duration and outcome
 * @param facts       what was observed, in gathering order ({@code F1}…)
 * @param conclusion  the answer drawn from the facts
 * @param citations   the facts the conclusion's summary rests on (kind FACT), in the order it names them
 */
public record OnDemandReport(String id, String target, String container, String question, OffsetDateTime requestedAt,
                             String requestedBy, OffsetDateTime completedAt, List<ToolCall> toolCalls, List<Fact> facts,
                             Conclusion conclusion, List<Citation> citations) {

    public OnDemandReport {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        facts = facts == null ? List.of() : List.copyOf(facts);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
