package io.aegisops.monitor.postmortem;

import io.aegisops.contract.IncidentStatus;
import io.aegisops.monitor.service.IncidentDetails.Transition;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One step of handling an incident and when it was first reached. Exists so "time to detect, diagnose, decide, act
 * and resolve" has one definition: every step is measured from the first alert's observation, and a step the
 * incident never reached has no time rather than a made-up one.
 *
 * @param step    the step's name
 * @param meaning what reaching it means
 * @param at      when it was first reached, null when never
 */
record Milestone(String step, String meaning, OffsetDateTime at) {

    static final String NOT_REACHED = "n/a";

    /** The five steps of an incident, from when it was opened and its timeline. */
    static List<Milestone> of(OffsetDateTime openedAt, List<Transition> timeline) {
        return List.of(
                new Milestone("Detect", "incident opened", openedAt),
                new Milestone("Diagnose", "first DIAGNOSED", firstInto(timeline, EnumSet.of(IncidentStatus.DIAGNOSED))),
                new Milestone("Decide", "first AWAITING_APPROVAL or REMEDIATING", firstInto(timeline,
                        EnumSet.of(IncidentStatus.AWAITING_APPROVAL, IncidentStatus.REMEDIATING))),
                new Milestone("Act", "first REMEDIATING", firstInto(timeline, EnumSet.of(IncidentStatus.REMEDIATING))),
                new Milestone("Resolve", "RESOLVED or REJECTED", firstInto(timeline,
                        EnumSet.of(IncidentStatus.RESOLVED, IncidentStatus.REJECTED))));
    }

    /** Seconds from {@code start} to this step with one decimal, or {@link #NOT_REACHED}. */
    String secondsSince(OffsetDateTime start) {
        return seconds(start, at);
    }

    /** Seconds from {@code start} to {@code end} with one decimal, or {@link #NOT_REACHED} when either is unknown. */
    static String seconds(OffsetDateTime start, OffsetDateTime end) {
        return start == null || end == null ? NOT_REACHED
                : String.format(Locale.ROOT, "%.1f", Duration.between(start, end).toMillis() / 1000.0);
    }

    /** Notes repeat the current status; only a real change counts as reaching a step. */
    private static OffsetDateTime firstInto(List<Transition> timeline, Set<IncidentStatus> statuses) {
        return timeline.stream().filter(t -> t.from() != t.to() && statuses.contains(t.to()))
                .findFirst().map(Transition::at).orElse(null);
    }
}
