package io.aegisops.contract;

/** Which intake produced an alert; kept on every alert so the timeline can say how a fault was detected. */
public enum AlertSource {
    APP_WEBHOOK,
    ALERTMANAGER,
    DOCKER_EVENT,
    HEALTH_CHECK
}
