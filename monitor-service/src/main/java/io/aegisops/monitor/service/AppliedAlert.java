package io.aegisops.monitor.service;

/**
 * What became of one alert: the REST intake answers with this so a sender can follow its incident.
 *
 * @param alertId     the stored alert (for a duplicate: the alert stored the first time is not looked up; null)
 * @param incidentId  the incident it opened or joined (null for a resolved alert that matched none)
 * @param newIncident true when this alert opened the incident
 * @param duplicate   true when this exact notification was already recorded and was ignored
 */
public record AppliedAlert(String alertId, String incidentId, boolean newIncident, boolean duplicate) {
}
