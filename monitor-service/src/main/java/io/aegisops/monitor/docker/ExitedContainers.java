package io.aegisops.monitor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.aegisops.contract.Labels;
import io.aegisops.contract.StackScope;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds this stack's opted-in containers that ended while nobody was watching the event stream (monitor-service
 * was down, the engine restarted, its event buffer had moved on), and describes each end as the engine event that
 * was missed: an {@code oom} when the kernel killed it, else a {@code die} with its exit code, dated at its
 * State.FinishedAt. Exists because the engine keeps only its last few hundred events: after more than a short
 * outage, the container's current state is the only record left that it went down.
 *
 * <p>What the events would have said is not all there: an API kill before the exit is gone with the events, so an
 * exit with 143 (SIGTERM, how {@code docker stop} and {@code compose stop} end a container) is taken as a
 * deliberate stop and left alone; a crash or kill by any other signal is reported. Only reads.
 */
final class ExitedContainers {

    private static final Logger LOG = Logger.getLogger(ExitedContainers.class);
    static final int EXIT_SIGTERM = 143;

    private final DockerClient docker;
    private final StackScope scope;

    ExitedContainers(DockerClient docker, StackScope scope) {
        this.docker = docker;
        this.scope = scope;
    }

    /** The missed ends of containers that finished after {@code sinceNanos}, oldest first. */
    List<ContainerEvent> endedSince(long sinceNanos) {
        List<Container> stopped = docker.listContainersCmd()
                .withShowAll(true)
                .withStatusFilter(List.of("exited", "dead"))
                .withLabelFilter(List.of(Labels.ENABLE))
                .exec();
        List<ContainerEvent> ended = new ArrayList<>();
        for (Container container : stopped) {
            Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
            if (!Labels.isEnabled(labels) || !scope.includes(labels)) {
                continue;
            }
            inspect(container.getId()).flatMap(inspected -> endOf(inspected, sinceNanos)).ifPresent(ended::add);
        }
        ended.sort((a, b) -> Long.compare(a.timeNanos(), b.timeNanos()));
        return ended;
    }

    private Optional<InspectContainerResponse> inspect(String id) {
        try {
            return Optional.of(docker.inspectContainerCmd(id).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The missed event of one stopped container, or empty when it ended before {@code sinceNanos} or on purpose. */
    static Optional<ContainerEvent> endOf(InspectContainerResponse inspected, long sinceNanos) {
        InspectContainerResponse.ContainerState state = inspected.getState();
        if (state == null || Boolean.TRUE.equals(state.getRunning()) || Boolean.TRUE.equals(state.getRestarting())) {
            return Optional.empty();
        }
        long finished = nanosOf(state.getFinishedAt());
        if (finished <= sinceNanos) {
            return Optional.empty();
        }
        Long exit = state.getExitCodeLong();
        boolean oom = Boolean.TRUE.equals(state.getOOMKilled());
        String name = inspected.getName() == null ? inspected.getId() : inspected.getName().replaceFirst("^/", "");
        if (!oom && exit != null && exit == EXIT_SIGTERM) {
            LOG.infof("Container %s exited with 143 (SIGTERM) while the event stream was not followed: taken as a "
                    + "deliberate stop, no alert", name);
            return Optional.empty();
        }
        Map<String, String> attributes = new HashMap<>();
        if (inspected.getConfig() != null && inspected.getConfig().getLabels() != null) {
            attributes.putAll(inspected.getConfig().getLabels());
        }
        attributes.put("name", name);
        if (inspected.getConfig() != null && inspected.getConfig().getImage() != null) {
            attributes.put("image", inspected.getConfig().getImage());
        }
        if (exit != null) {
            attributes.put("exitCode", Long.toString(exit));
        }
        return Optional.of(new ContainerEvent(inspected.getId(), oom ? "oom" : "die", finished, attributes));
    }

    /** State.FinishedAt in nanoseconds since the epoch; 0 for the engine's "never" (year 1) or an unreadable time. */
    static long nanosOf(String rfc3339) {
        if (rfc3339 == null || rfc3339.isBlank()) {
            return 0;
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(rfc3339);
            return at.getYear() < 1970 ? 0 : EventCursor.nanosOf(at.toInstant());
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}
