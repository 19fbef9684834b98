package io.aegisops.monitor.investigation;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Claim;
import io.aegisops.contract.Fact;
import io.aegisops.contract.FactNames;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides, for each alert type of an incident, whether the facts monitor-service observed itself show what the
 * alerts claim. Exists because an alert is only a statement by its sender (anyone can POST one): only a claim shown
 * by the engine or by our own probe may lead to an action without a human. A pure function of its inputs.
 *
 * <p>The same judgement answers an on-demand question ({@link ClaimedAlert#asked}): each fault kind is judged as if
 * an alert of it had arrived when the question was asked, so a report and an incident never disagree on a fact.
 *
 * <p>Times a sender gives are not trusted far: an alert counts as happening no earlier than its receipt minus the
 * restart tolerance, so a forged alert dated in the past cannot make a long-running container look restarted.
 */
public final class Corroborator {

    private static final String RUNNING = "running";
    private static final String RESTARTING = "restarting";
    private static final String MISSING = "missing";
    private static final int OOM_EXIT_CODE = 137;

    private final Thresholds thresholds;

    public Corroborator(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    /** One claim per alert, in the order given. */
    public List<Claim> claims(List<ClaimedAlert> alerts, List<Fact> facts) {
        Observed observed = new Observed(facts);
        return alerts.stream().map(alert -> claim(alert, observed)).toList();
    }

    private Claim claim(ClaimedAlert alert, Observed observed) {
        return switch (alert.type()) {
            case CRASH, OOM_KILLED -> died(alert, observed);
            case MEMORY_PRESSURE -> memory(alert, observed);
            case CPU_SATURATION -> cpu(alert, observed);
            case UNHEALTHY, LATENCY, DEPENDENCY_DOWN, EXTERNAL -> unhealthy(alert, observed);
        };
    }

    /** CRASH and OOM_KILLED: the process ended (and for OOM, was killed for memory), or it has been restarted since. */
    private Claim died(ClaimedAlert alert, Observed o) {
        boolean oom = alert.type() == AlertType.OOM_KILLED;
        Optional<Fact> state = o.fact(FactNames.STATE);
        if (state.isEmpty() || MISSING.equals(o.text(FactNames.STATE))) {
            return verdict(alert, false, "no container of the target was observed, so nothing shows that it "
                    + (oom ? "was OOM-killed" : "crashed"), state);
        }
        String status = o.text(FactNames.STATE);
        Optional<Fact> exit = o.fact(FactNames.EXIT_CODE);
        Optional<Fact> oomKilled = o.fact(FactNames.OOM_KILLED);
        long exitCode = exit.map(f -> f.value().asLong()).orElse(0L);
        if (status.equals("exited") || status.equals("dead") || status.equals(RESTARTING)) {
            String ended = status.equals(RESTARTING) ? "the engine is restarting the container after it ended"
                    : "the container is " + status;
            if (!oom) {
                return exitCode != 0
                        ? verdict(alert, true, ended + " with exit code " + exitCode, state, exit)
                        : verdict(alert, false, ended + " with exit code 0, a clean exit and not a crash", state, exit);
            }
            if (o.bool(FactNames.OOM_KILLED)) {
                return verdict(alert, true, ended + " and the engine reports it OOM-killed", state, oomKilled);
            }
            return exitCode == OOM_EXIT_CODE
                    ? verdict(alert, true, ended + " with exit code 137 (killed)", state, exit)
                    : verdict(alert, false, ended + " with exit code " + exitCode + " and was not OOM-killed",
                    state, exit, oomKilled);
        }
        if (!status.equals(RUNNING)) {
            return verdict(alert, false, "the container is " + status + ", which shows no "
                    + (oom ? "OOM kill" : "crash"), state);
        }
        Optional<Fact> started = o.fact(FactNames.STARTED_AT);
        Optional<Instant> startedAt = started.flatMap(f -> instant(f.value().asText()));
        Instant alertAt = alertTime(alert);
        if (startedAt.isPresent()) {
            return startedAt.get().isBefore(alertAt.minus(thresholds.restartTolerance()))
                    ? verdict(alert, false, "the container has been running since " + show(startedAt.get())
                    + ", before " + occasion(alert) + " at " + show(alertAt), state, started)
                    : verdict(alert, true, "the container started again at " + show(startedAt.get())
                    + (startedAt.get().isBefore(alertAt) ? ", within the restart tolerance ("
                    + thresholds.restartTolerance().toSeconds() + " s) before " : ", after ")
                    + occasion(alert) + " at " + show(alertAt), state, started);
        }
        Optional<Fact> restarts = o.fact(FactNames.RESTART_COUNT);
        if (restarts.map(f -> f.value().asLong()).orElse(0L) > 0) {
            return verdict(alert, true, "the engine restarted the container " + o.text(FactNames.RESTART_COUNT)
                    + " time(s)", state, restarts);
        }
        return verdict(alert, false, "the container is running and nothing shows a restart", state, restarts);
    }

    private Claim memory(ClaimedAlert alert, Observed o) {
        if (o.bool(FactNames.OOM_KILLED)) {
            return verdict(alert, true, "the engine reports the container OOM-killed", o.fact(FactNames.OOM_KILLED));
        }
        Optional<Fact> memory = o.fact(FactNames.MEMORY_PERCENT);
        if (memory.isPresent() && memory.get().value().asDouble() >= thresholds.memoryPercent()) {
            return verdict(alert, true, "memory is at " + percent(memory.get()) + " of its limit, at or above "
                    + thresholds.memoryPercent() + "%", memory);
        }
        return probeFailedOr(alert, o, memory.map(m -> "memory is at " + percent(m) + " of its limit, below "
                + thresholds.memoryPercent() + "%"), "no memory reading", memory);
    }

    private Claim cpu(ClaimedAlert alert, Observed o) {
        Optional<Fact> cpu = o.fact(FactNames.CPU_PERCENT);
        if (cpu.isPresent() && cpu.get().value().asDouble() >= thresholds.cpuPercent()) {
            return verdict(alert, true, "CPU is at " + percent(cpu.get()) + " of its allowance, at or above "
                    + thresholds.cpuPercent() + "%", cpu);
        }
        return probeFailedOr(alert, o, cpu.map(c -> "CPU is at " + percent(c) + " of its allowance, below "
                + thresholds.cpuPercent() + "%"), "no CPU reading", cpu);
    }

    /** A failed probe shows any resource trouble that users would notice; otherwise the reading decides. */
    private static Claim probeFailedOr(ClaimedAlert alert, Observed o, Optional<String> reading, String noReading,
                                       Optional<Fact> readingFact) {
        Optional<Fact> probe = o.fact(FactNames.PROBE_HEALTHY);
        if (probe.isPresent() && !probe.get().value().asBoolean()) {
            return verdict(alert, true, "the health probe failed (" + probe.get().summary() + ")", probe);
        }
        String why = reading.orElse(noReading) + (probe.isPresent() ? " and the health probe answered healthy"
                : " and no health probe");
        return verdict(alert, false, why, readingFact, probe);
    }

    /** UNHEALTHY, LATENCY, DEPENDENCY_DOWN, EXTERNAL: something a user would notice, seen by us. */
    private static Claim unhealthy(ClaimedAlert alert, Observed o) {
        Optional<Fact> probe = o.fact(FactNames.PROBE_HEALTHY);
        if (probe.isPresent() && !probe.get().value().asBoolean()) {
            return verdict(alert, true, "the health probe failed (" + probe.get().summary() + ")", probe);
        }
        Optional<Fact> dockerHealth = o.fact(FactNames.DOCKER_HEALTH);
        if ("unhealthy".equals(o.text(FactNames.DOCKER_HEALTH))) {
            return verdict(alert, true, "Docker's HEALTHCHECK reports the container unhealthy", dockerHealth);
        }
        Optional<Fact> state = o.fact(FactNames.STATE);
        String status = o.text(FactNames.STATE);
        if (state.isEmpty() || MISSING.equals(status)) {
            return verdict(alert, false, "no container of the target was observed", state);
        }
        if (!RUNNING.equals(status)) {
            return verdict(alert, true, "the container is " + status + ", not running", state);
        }
        String why = probe.isPresent() ? "the container is running and the health probe answered healthy"
                : "the container is running and no health check shows a failure";
        return verdict(alert, false, why, state, probe, dockerHealth);
    }

    /** What the time of a claim is the time of: an alert's, or an on-demand question's (no alert). */
    private static String occasion(ClaimedAlert alert) {
        return alert.alertId() == null ? "the question" : "the alert";
    }

    /** When the alert counts as happening: as its sender says, but never long before monitor received it. */
    private Instant alertTime(ClaimedAlert alert) {
        Instant received = alert.receivedAt().toInstant().minus(thresholds.restartTolerance());
        Instant observed = alert.observedAt().toInstant();
        return observed.isAfter(received) ? observed : received;
    }

    @SafeVarargs
    private static Claim verdict(ClaimedAlert alert, boolean corroborated, String reason, Optional<Fact>... decided) {
        List<String> ids = Stream.of(decided).flatMap(Optional::stream).map(Fact::id).distinct().toList();
        return new Claim(alert.type(), alert.alertId(), corroborated, ids, reason);
    }

    private static String percent(Fact fact) {
        return String.format(Locale.ROOT, "%.1f%%", fact.value().asDouble());
    }

    private static String show(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The first fact of each name, as the contract's {@code valuesByName} reads them. */
    private static final class Observed {
        private final Map<String, Fact> byName = new LinkedHashMap<>();

        Observed(List<Fact> facts) {
            facts.forEach(f -> byName.putIfAbsent(f.name(), f));
        }

        Optional<Fact> fact(String name) {
            return Optional.ofNullable(byName.get(name));
        }

        String text(String name) {
            return fact(name).map(f -> f.value().asText()).orElse("");
        }

        boolean bool(String name) {
            return fact(name).map(f -> f.value().asBoolean()).orElse(false);
        }
    }
}
