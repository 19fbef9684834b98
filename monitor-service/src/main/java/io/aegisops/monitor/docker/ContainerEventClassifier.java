package io.aegisops.monitor.docker;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.StackScope;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides which container events are faults. Exists because an engine action means different things in
 * context: a {@code die} right after an API {@code kill} is somebody stopping the container on purpose (an
 * operator, compose, or AegisOps' own remediation restarting it) and must not open an incident, while the
 * same {@code die} without a preceding {@code kill} is a crash. A kernel OOM kill sends {@code oom} and no
 * {@code kill}, so it is never mistaken for a stop.
 *
 * <p>Holds per-container memory of the current run (last kill, OOM already reported) and is fed in engine
 * order by the single event-stream thread, so it is deliberately not thread-safe.
 */
final class ContainerEventClassifier {

    static final int EXIT_SIGKILL = 137;

    /** Bounds memory if destroy events are ever missed; far more than the containers one engine runs. */
    private static final int MAX_TRACKED_CONTAINERS = 4096;

    private final long killWindowNanos;
    private final StackScope scope;

    private final Map<String, RunState> runs = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RunState> eldest) {
            return size() > MAX_TRACKED_CONTAINERS;
        }
    };

    ContainerEventClassifier(Duration killWindow) {
        this(killWindow, StackScope.DEFAULT);
    }

    ContainerEventClassifier(Duration killWindow, StackScope scope) {
        this.scope = scope;
        if (killWindow == null || killWindow.isNegative() || killWindow.isZero()) {
            throw new IllegalArgumentException("aegis.docker.kill-window must be positive, was " + killWindow);
        }
        this.killWindowNanos = killWindow.toNanos();
    }

    /** What one event means; {@code alert} is null when it raises none, and {@code reason} says why either way. */
    record Verdict(AlertType alert, String reason) {

        static Verdict raise(AlertType type, String reason) {
            return new Verdict(type, reason);
        }

        static Verdict ignore(String reason) {
            return new Verdict(null, reason);
        }

        boolean raisesAlert() {
            return alert != null;
        }
    }

    Verdict classify(ContainerEvent event) {
        Optional<String> notOurs = scope.excluded(event.attributes());
        if (notOurs.isPresent()) {
            return Verdict.ignore("container left alone: " + notOurs.get());
        }
        String action = event.action();
        if (action.startsWith("health_status")) {
            return classifyHealth(action);
        }
        switch (action) {
            case "start":
                runs.remove(event.containerId());
                return Verdict.ignore("container started: forgetting its previous run");
            case "destroy":
                runs.remove(event.containerId());
                return Verdict.ignore("container removed");
            case "kill":
                RunState killed = runs.computeIfAbsent(event.containerId(), id -> new RunState());
                killed.killAtNanos = event.timeNanos();
                killed.killSignal = event.signal().orElse("?");
                return Verdict.ignore("kill requested through the API (signal " + killed.killSignal + ")");
            case "oom":
                runs.computeIfAbsent(event.containerId(), id -> new RunState()).oomReported = true;
                return Verdict.raise(AlertType.OOM_KILLED, "the kernel OOM killer hit the container");
            case "die":
                return classifyDie(event);
            default:
                return Verdict.ignore("action '" + action + "' is not a fault");
        }
    }

    private Verdict classifyHealth(String action) {
        String status = action.substring("health_status".length()).replaceFirst("^\\s*:\\s*", "").trim();
        if (status.equals("unhealthy")) {
            return Verdict.raise(AlertType.UNHEALTHY, "Docker HEALTHCHECK reports unhealthy");
        }
        return Verdict.ignore("Docker HEALTHCHECK reports " + status);
    }

    private Verdict classifyDie(ContainerEvent event) {
        RunState run = runs.remove(event.containerId());
        OptionalInt exit = event.exitCode();
        if (exit.isPresent() && exit.getAsInt() == 0) {
            return Verdict.ignore("clean exit (code 0)");
        }
        if (run != null && run.killAtNanos >= 0) {
            long sinceKill = event.timeNanos() - run.killAtNanos;
            if (sinceKill >= 0 && sinceKill <= killWindowNanos) {
                return Verdict.ignore("intentional stop: API kill (signal " + run.killSignal + ") "
                        + Duration.ofNanos(sinceKill).toMillis() + " ms before the exit");
            }
        }
        if (exit.isEmpty()) {
            // A die without a readable code still means the container went down unasked; never drop it.
            return Verdict.raise(AlertType.CRASH, "container died, exit code unknown");
        }
        int code = exit.getAsInt();
        if (code == EXIT_SIGKILL) {
            if (run != null && run.oomReported) {
                return Verdict.ignore("exit 137 already reported by this run's oom event");
            }
            return Verdict.raise(AlertType.OOM_KILLED, "container died with exit code 137 (SIGKILL) without an API kill");
        }
        return Verdict.raise(AlertType.CRASH, "container died with exit code " + code);
    }

    /** What the classifier remembers about the current run of one container. */
    private static final class RunState {
        long killAtNanos = -1;
        String killSignal;
        boolean oomReported;
    }
}
