package io.aegisops.remediation.docker;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import io.aegisops.contract.Action;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The only code that changes containers. Its one entry point takes a container id and re-inspects the
 * container right before acting, refusing anything without {@code aegis.enable=true} or of another AegisOps stack
 * ({@code aegis.stack}): whatever a caller decided earlier, such a container cannot be touched through it. Labels
 * of a container cannot change after creation, and the action is addressed by the full id just inspected, so the
 * check cannot be outrun by a relabel: a "relabelled" container is a new container with a new id.
 */
@ApplicationScoped
public class ActionExecutor {

    private static final Logger LOG = Logger.getLogger(ActionExecutor.class);

    private final DockerEngine engine;

    public ActionExecutor(DockerEngine engine) {
        this.engine = engine;
    }

    /**
     * Runs {@code action} on the container.
     *
     * @param stopTimeout how long the engine waits for a graceful stop before SIGKILL (RESTART, STOP)
     * @throws NotOptedInException  when the container is not opted in; nothing was sent
     * @throws IllegalArgumentException for actions the executor does not perform (SCALE_UP, ROLLBACK, ...)
     */
    public ActionResult execute(String containerId, Action action, Duration stopTimeout) {
        Objects.requireNonNull(action, "action");
        if (containerId == null || containerId.isBlank()) {
            throw new IllegalArgumentException("container id is required");
        }
        if (action != Action.RESTART && action != Action.STOP && action != Action.START) {
            throw new IllegalArgumentException(action + " is not supported by the Docker executor");
        }
        ContainerSnapshot container = engine.inspect(containerId)
                .orElse(null);
        if (container == null) {
            return new ActionResult(ActionResult.Outcome.FAILED, "container " + containerId + " no longer exists", null);
        }
        Optional<NotOptedInException> refusal = NotOptedInException.refusing(container.name(), container.labels(),
                engine.scope());
        if (refusal.isPresent()) {
            LOG.warnf("Refused %s of container %s: %s", action, container.name(), refusal.get().getMessage());
            throw refusal.get();
        }
        int timeoutSeconds = (int) Math.min(TargetLabels.MAX_STOP_TIMEOUT_S, Math.max(0, stopTimeout.toSeconds()));
        String id = container.id();
        try {
            switch (action) {
                case RESTART -> engine.client().restartContainerCmd(id).withTimeout(timeoutSeconds).exec();
                case STOP -> engine.client().stopContainerCmd(id).withTimeout(timeoutSeconds).exec();
                default -> engine.client().startContainerCmd(id).exec();
            }
            LOG.infof("%s of container %s (%s) accepted by the engine", action, container.name(), shortId(id));
            return new ActionResult(ActionResult.Outcome.DONE, action + " accepted by the engine", container.startedAt());
        } catch (NotModifiedException e) {
            String state = action == Action.STOP ? "stopped" : "running";
            return new ActionResult(ActionResult.Outcome.ALREADY_DONE, "container was already " + state, container.startedAt());
        } catch (NotFoundException e) {
            return new ActionResult(ActionResult.Outcome.FAILED, "container " + container.name()
                    + " disappeared during " + action, container.startedAt());
        } catch (DockerException e) {
            return new ActionResult(ActionResult.Outcome.FAILED, "engine refused " + action + ": HTTP "
                    + e.getHttpStatus() + " " + firstLine(e.getMessage()), container.startedAt());
        } catch (RuntimeException e) {
            // The request may have reached the engine before the connection broke: never retry, verify instead.
            return new ActionResult(ActionResult.Outcome.UNKNOWN, action + " interrupted: "
                    + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()), container.startedAt());
        }
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }
}
