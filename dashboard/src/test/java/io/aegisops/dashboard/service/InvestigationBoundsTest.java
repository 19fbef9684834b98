package io.aegisops.dashboard.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aegisops.dashboard.support.IncidentStory;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An investigation is stored bounded: the newest log lines, short texts, the same result however often. */
class InvestigationBoundsTest {

    private final JsonNode investigation = new IncidentStory(UUID.randomUUID().toString(), "checkout")
            .investigation(1500).event().data();

    @Test
    void shouldKeepOnlyTheNewestLogLinesAndSayHowManyWereDropped() {
        JsonNode logs = InvestigationBounds.bounded(investigation).path("facts").path(1).path("value");

        assertThat(investigation.path("facts").path(1).path("value").size()).isEqualTo(IncidentStory.LOG_LINES);
        assertThat(logs.size()).isEqualTo(InvestigationBounds.MAX_LINES);
        assertThat(logs.get(0).asText()).isEqualTo("… 151 earlier lines not kept by the dashboard");
        assertThat(logs.get(1).asText()).isEqualTo("GET /work line 152");
        assertThat(logs.get(logs.size() - 1).asText()).isEqualTo(IncidentStory.HOSTILE_LINE);
    }

    @Test
    void shouldClipLongTextsAndLeaveShortOnesAlone() {
        ObjectNode data = investigation.deepCopy();
        ((ObjectNode) data.path("facts").path(0)).put("summary", "x".repeat(5000));

        JsonNode bounded = InvestigationBounds.bounded(data);

        assertThat(bounded.path("facts").path(0).path("summary").asText())
                .hasSize(InvestigationBounds.MAX_TEXT).endsWith("…");
        assertThat(bounded.path("facts").path(2)).isEqualTo(investigation.path("facts").path(2));
        assertThat(bounded.path("claims")).isEqualTo(investigation.path("claims"));
    }

    @Test
    void shouldGiveTheSameDataWhenBoundedAgainAndNotChangeTheOriginal() {
        JsonNode copy = investigation.deepCopy();
        JsonNode once = InvestigationBounds.bounded(investigation);

        assertThat(InvestigationBounds.bounded(once)).isEqualTo(once);
        assertThat(investigation).isEqualTo(copy);
    }
}
