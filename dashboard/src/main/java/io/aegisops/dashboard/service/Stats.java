package io.aegisops.dashboard.service;

import io.aegisops.contract.IncidentStatus;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The room's figures over the most recent incidents.
 *
 * @param window     incidents considered (the newest, at most {@code aegis.dashboard.stats-window})
 * @param mttdMs     mean time to detect: first observation → incident opened; null without data
 * @param mttrMs     mean time to resolve, over the resolved ones; null when none is resolved
 * @param recent     the chart's bars, oldest first
 */
public record Stats(int window, int open, int resolved, int awaitingApproval, int escalated, Long mttdMs,
                    Long mttrMs, List<Point> recent) {

    /**
     * One incident on the chart.
     *
     * @param resolveMs time to resolve; null while open or when it closed otherwise
     */
    public record Point(String id, String target, IncidentStatus status, OffsetDateTime openedAt, Long detectMs,
                        Long resolveMs) {
    }
}
