package io.aegisops.dashboard.service;

import io.aegisops.contract.IncidentStatus;
import io.aegisops.dashboard.config.DashboardConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/** Computes MTTD, MTTR and the chart from the read model, so every page shows the same figures. */
@ApplicationScoped
public class StatsService {

    private final ReadModel readModel;
    private final DashboardConfig config;

    public StatsService(ReadModel readModel, DashboardConfig config) {
        this.readModel = readModel;
        this.config = config;
    }

    public Stats current() {
        return of(readModel.list(Set.of(), null, config.statsWindow()));
    }

    /** @param newestFirst incidents as the read model lists them */
    static Stats of(List<IncidentCard> newestFirst) {
        List<IncidentCard> cards = new ArrayList<>(newestFirst);
        Collections.reverse(cards);
        int open = (int) cards.stream().filter(c -> !c.closed()).count();
        int resolved = (int) cards.stream().filter(c -> c.status() == IncidentStatus.RESOLVED).count();
        int awaiting = (int) cards.stream().filter(c -> c.status() == IncidentStatus.AWAITING_APPROVAL).count();
        int escalated = (int) cards.stream().filter(c -> c.status() == IncidentStatus.ESCALATED).count();
        Long mttd = mean(cards.stream().map(c -> c.durations().detectMs()).filter(Objects::nonNull).toList());
        Long mttr = mean(cards.stream().filter(c -> c.status() == IncidentStatus.RESOLVED)
                .map(c -> c.durations().resolveMs()).filter(Objects::nonNull).toList());
        List<Stats.Point> points = cards.stream().map(c -> new Stats.Point(c.id(), c.target(), c.status(),
                c.openedAt(), c.durations().detectMs(), c.durations().resolveMs())).toList();
        return new Stats(cards.size(), open, resolved, awaiting, escalated, mttd, mttr, points);
    }

    private static Long mean(List<Long> values) {
        OptionalDouble mean = values.stream().mapToLong(Long::longValue).average();
        return mean.isPresent() ? Math.round(mean.getAsDouble()) : null;
    }
}
