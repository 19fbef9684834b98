package io.aegisops.monitor.docker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * Settings of the Docker intake (event watcher and active health checker). Exists as one typed mapping so
 * both components, their tests and the operator read the same names and defaults.
 */
@ConfigMapping(prefix = "aegis.docker")
public interface DockerConfig {

    /** False turns the whole Docker intake off: nothing connects to the engine (tests, hosts without a socket). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Engine address. Defaults to the standard {@code DOCKER_HOST} variable (what compose sets and every Docker
     * tool reads), then the local socket. Only read operations are ever sent to it.
     */
    @WithDefault("${DOCKER_HOST:unix:///var/run/docker.sock}")
    String host();

    /** Pause between two rounds of active health probes. */
    @WithDefault("2s")
    Duration healthInterval();

    /** Consecutive failed probes before one UNHEALTHY alert, so a single slow answer is not an incident. */
    @WithDefault("3")
    @Min(1)
    @Max(1000)
    int healthFailures();

    /**
     * Grace after each start of a container (its State.StartedAt) during which failed probes do not count, ended
     * early by its first healthy answer, as Docker's own {@code start_period}: a booting JVM refuses connections
     * for seconds, and counting that as UNHEALTHY would restart every app AegisOps has just restarted.
     */
    @WithDefault("60s")
    Duration healthStartPeriod();

    /** Budget for one probe (connect, answer and the part of the body we keep). */
    @WithDefault("1s")
    Duration healthTimeout();

    /** Container log lines attached to an alert as evidence; 0 attaches none. */
    @WithDefault("20")
    @Min(0)
    @Max(1000)
    int logTail();

    /**
     * How long after an API {@code kill} a {@code die} still counts as the intended end of that stop: it must
     * outlast the longest stop timeout in use, after which the engine sends SIGKILL.
     */
    @WithDefault("10m")
    Duration killWindow();

    /**
     * Longest silence of the engine in answer to one request (list, inspect, logs, stats) before it is given up;
     * the event stream alone has none. Bounds what a hung engine can hold: an investigation, a health round.
     */
    @WithDefault("30s")
    Duration requestTimeout();

    /**
     * How far back a restarted monitor catches up: it asks the engine for the events since the last one it
     * processed and reports this stack's containers that ended meanwhile, unless that was longer ago than this.
     */
    @WithDefault("24h")
    Duration catchUpMax();

    /**
     * Delay between attempts to re-open the event stream after the engine went away, and between attempts to record
     * an alert the database refused (the stream waits; the event is never dropped).
     */
    ReconnectBackoff reconnectBackoff();

    /** Exponential back-off bounds, so a restarting engine is not hammered and a long outage is retried often enough. */
    interface ReconnectBackoff {
        @WithDefault("1s")
        Duration min();

        @WithDefault("30s")
        Duration max();
    }
}
