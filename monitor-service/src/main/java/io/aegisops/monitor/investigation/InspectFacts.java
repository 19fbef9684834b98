package io.aegisops.monitor.investigation;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import com.github.dockerjava.api.command.InspectContainerResponse;
import io.aegisops.contract.FactNames;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Turns the engine's inspect answer into facts. Exists to keep the engine's quirks in one place: its zero time
 * ({@code 0001-01-01}) means "never", and a HEALTHCHECK status only exists when the image or run declares one.
 */
final class InspectFacts {

    private static final String ZERO_TIME = "0001-01-01";
    private static final int OUTPUT_CHARS = 300;

    private InspectFacts() {
    }

    static void add(FactList facts, InspectContainerResponse inspect, OffsetDateTime at) {
        InspectContainerResponse.ContainerState state = inspect.getState();
        if (state != null) {
            String status = state.getStatus() == null ? "unknown" : state.getStatus();
            facts.add(FactNames.STATE, FactList.INSPECT, "State: " + status, status, at);
            if (state.getExitCodeLong() != null) {
                facts.add(FactNames.EXIT_CODE, FactList.INSPECT, "Exit code: " + state.getExitCodeLong(),
                        state.getExitCodeLong(), at);
            }
            if (state.getOOMKilled() != null) {
                facts.add(FactNames.OOM_KILLED, FactList.INSPECT, "OOMKilled=" + state.getOOMKilled(),
                        state.getOOMKilled(), at);
            }
        }
        if (inspect.getRestartCount() != null) {
            facts.add(FactNames.RESTART_COUNT, FactList.INSPECT, "Restarted by the engine "
                    + inspect.getRestartCount() + " time(s)", inspect.getRestartCount(), at);
        }
        if (state != null) {
            time(facts, FactNames.STARTED_AT, "Started at ", state.getStartedAt(), at);
            time(facts, FactNames.FINISHED_AT, "Last run ended at ", state.getFinishedAt(), at);
        }
        String image = inspect.getConfig() == null ? null : inspect.getConfig().getImage();
        if (image != null || inspect.getImageId() != null) {
            String ref = image + "@" + inspect.getImageId();
            facts.add(FactNames.IMAGE, FactList.INSPECT, "Image: " + ref, ref, at);
        }
        if (state != null && state.getHealth() != null && state.getHealth().getStatus() != null) {
            HealthState health = state.getHealth();
            facts.add(FactNames.DOCKER_HEALTH, FactList.INSPECT, "Docker health: " + health.getStatus()
                    + lastOutput(health.getLog()), health.getStatus(), at);
        }
    }

    private static void time(FactList facts, String name, String label, String value, OffsetDateTime at) {
        if (value != null && !value.isBlank() && !value.startsWith(ZERO_TIME)) {
            facts.add(name, FactList.INSPECT, label + value, value, at);
        }
    }

    private static String lastOutput(List<HealthStateLog> log) {
        if (log == null || log.isEmpty() || log.get(log.size() - 1).getOutput() == null) {
            return "";
        }
        String output = log.get(log.size() - 1).getOutput().strip().replaceAll("\\s+", " ");
        return ", last check: " + (output.length() > OUTPUT_CHARS ? output.substring(0, OUTPUT_CHARS) + "…" : output);
    }
}
