package io.aegisops.dashboard.service;

import java.util.List;

/**
 * An incident with its timeline, oldest first.
 *
 * @param omitted earlier timeline entries left out to keep the answer small (an alert storm can join hundreds)
 */
public record IncidentDetail(IncidentCard incident, List<TimelineEntry> timeline, int omitted) {
}
