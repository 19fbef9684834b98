package io.aegisops.dashboard.service;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One step of an incident's story on the page: alert, diagnosis, approval, decision, action, verification or a
 * status change nobody else announced (e.g. a manual resolve).
 *
 * @param kind     alert, diagnosis, approval, decision, remediation or status: the page styles by it
 * @param title    one line
 * @param actor    who or what caused it
 * @param detail   the why, when known
 * @param evidence supporting lines (diagnosis evidence), possibly empty
 */
public record TimelineEntry(String eventId, OffsetDateTime at, String kind, String title, String actor,
                            String detail, List<String> evidence) {
}
