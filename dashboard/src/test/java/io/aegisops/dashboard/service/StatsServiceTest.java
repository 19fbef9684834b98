package io.aegisops.dashboard.service;

import io.aegisops.contract.IncidentStatus;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** MTTD counts every incident that was detected; MTTR only those that were resolved. */
class StatsServiceTest {

    private static IncidentCard card(String id, IncidentStatus status, Long detectMs, Long resolveMs) {
        OffsetDateTime opened = OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        return new IncidentCard(id, "svc", "svc", null, status, status.isClosed(), null, List.of(), 1, opened,
                opened, opened, opened, null, null, null, null, null, null,
                new IncidentCard.Durations(detectMs, null, null, null, resolveMs), 1);
    }

    @Test
    void shouldAverageDetectionOverAllAndResolutionOverResolvedIncidents() {
        Stats stats = StatsService.of(List.of(
                card("c", IncidentStatus.AWAITING_APPROVAL, 3000L, null),
                card("b", IncidentStatus.RESOLVED, 1000L, 20_000L),
                card("a", IncidentStatus.RESOLVED, 2000L, 40_000L)));

        assertThat(stats.mttdMs()).isEqualTo(2000L);
        assertThat(stats.mttrMs()).isEqualTo(30_000L);
        assertThat(stats.open()).isEqualTo(1);
        assertThat(stats.resolved()).isEqualTo(2);
        assertThat(stats.awaitingApproval()).isEqualTo(1);
        assertThat(stats.recent()).extracting(Stats.Point::id).containsExactly("a", "b", "c");
    }

    @Test
    void shouldHaveNoFiguresWithoutIncidents() {
        Stats stats = StatsService.of(List.of());

        assertThat(stats.mttdMs()).isNull();
        assertThat(stats.mttrMs()).isNull();
        assertThat(stats.recent()).isEmpty();
    }
}
