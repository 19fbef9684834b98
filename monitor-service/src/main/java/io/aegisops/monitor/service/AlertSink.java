package io.aegisops.monitor.service;

/**
 * Where every intake hands its alerts. Exists so the Docker watcher and health checker depend on a single
 * method, not on how incidents are grouped and persisted.
 */
public interface AlertSink {

    /**
     * Records the alert durably (opening or joining an incident) and schedules its event; when this returns
     * the alert is committed.
     *
     * @return the id of the incident the alert was applied to
     */
    String accept(NewAlert alert);
}
