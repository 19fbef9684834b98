package io.aegisops.contract;

/** What kind of trouble an alert reports. Diagnosis rules key on these names. */
public enum AlertType {
    /** Heap or RSS close to its limit (app self-watch, Alertmanager). */
    MEMORY_PRESSURE,
    /** Process CPU saturated for a sustained period. */
    CPU_SATURATION,
    /** Request latency above its threshold (e.g. a lock held in the database). */
    LATENCY,
    /** The container died with exit code 137 or the engine reported an OOM kill. */
    OOM_KILLED,
    /** The container died with a non-zero exit code other than 137. */
    CRASH,
    /** Health check (active probe or Docker HEALTHCHECK) failing. */
    UNHEALTHY,
    /** A dependency of the target (database, broker, downstream API) is down. */
    DEPENDENCY_DOWN,
    /** An external alert (e.g. Alertmanager) whose name maps to none of the above. */
    EXTERNAL
}
