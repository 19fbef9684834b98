package io.aegisops.monitor.investigation;

import io.aegisops.contract.AlertType;

import java.time.OffsetDateTime;

/**
 * The latest firing alert of one type on an incident: the claim an investigation checks.
 *
 * @param type       what the alert claims
 * @param alertId    the alert; null for an on-demand question
 * @param observedAt when its sender says it observed the trouble (the sender chooses it)
 * @param receivedAt when monitor-service recorded it (monitor's clock)
 */
public record ClaimedAlert(AlertType type, String alertId, OffsetDateTime observedAt, OffsetDateTime receivedAt) {

    /**
     * No alert: a fault kind an on-demand question is judged for, as of when it was asked. The alert id is null, so
     * the claims it gives name no alert.
     */
    public static ClaimedAlert asked(AlertType type, OffsetDateTime askedAt) {
        return new ClaimedAlert(type, null, askedAt, askedAt);
    }
}
