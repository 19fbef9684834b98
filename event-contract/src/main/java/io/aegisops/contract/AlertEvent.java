package io.aegisops.contract;

/**
 * Data of the events on {@link Topics#ALERTS} that carry an alert: the alert and the incident as it stands
 * after the alert was applied, so a consumer never needs a second read to act on it.
 */
public record AlertEvent(IncidentView incident, AlertView alert) {
}
