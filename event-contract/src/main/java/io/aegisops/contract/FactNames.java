package io.aegisops.contract;

/**
 * The names of {@link Fact}s. Diagnosis rules may test these names ({@code facts:} conditions), so they are part of
 * the contract: renaming one is a breaking change for every rules file.
 */
public final class FactNames {
    /** engine.inspect: {@code running}, {@code exited}, {@code restarting}, {@code paused}, {@code created}, {@code dead}, or {@code missing}. */
    public static final String STATE = "state";
    /** engine.inspect: the last exit code (number). */
    public static final String EXIT_CODE = "exitCode";
    /** engine.inspect: true when the kernel's OOM killer ended the last run. */
    public static final String OOM_KILLED = "oomKilled";
    /** engine.inspect: restarts done by the engine's own restart policy (number). */
    public static final String RESTART_COUNT = "restartCount";
    /** engine.inspect: when the current (or last) run started, ISO-8601. */
    public static final String STARTED_AT = "startedAt";
    /** engine.inspect: when the last run ended, ISO-8601 (absent while the first run is going). */
    public static final String FINISHED_AT = "finishedAt";
    /** engine.inspect: image reference and id the container runs, {@code ref@id}. */
    public static final String IMAGE = "image";
    /** engine.inspect: Docker HEALTHCHECK status ({@code healthy}, {@code unhealthy}, {@code starting}) with its last output. */
    public static final String DOCKER_HEALTH = "dockerHealth";
    /** engine.logs: the last log lines, oldest first (array of text). */
    public static final String LOGS = "logs";
    /** engine.stats: memory in use as a percentage of the container's limit (number). */
    public static final String MEMORY_PERCENT = "memoryPercent";
    /** engine.stats: CPU in use as a percentage of the CPUs the container may use (number, 100 = its whole allowance). */
    public static final String CPU_PERCENT = "cpuPercent";
    /** health.probe: true when the {@code aegis.health-url} answered 2xx. */
    public static final String PROBE_HEALTHY = "probeHealthy";

    private FactNames() {
    }
}
