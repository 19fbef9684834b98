package io.aegisops.e2e;

import com.github.dockerjava.api.command.InspectContainerResponse;

import java.time.Duration;

import static io.aegisops.e2e.Stack.at;
import static org.awaitility.Awaitility.await;

/**
 * Puts buggy-app back into a known state before each case (running, ready, no faults), so every end-to-end
 * case sets up what it needs and the cases can run in any order.
 */
public final class BuggyApp {

    private BuggyApp() {
    }

    public static void healthyAndFaultFree() {
        InspectContainerResponse state = Stack.docker().inspectContainerCmd(containerId()).exec();
        if (!Boolean.TRUE.equals(state.getState().getRunning())) {
            Stack.docker().startContainerCmd(containerId()).exec();
        }
        await("buggy-app ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> at(Stack.BUGGY).post("/faults/reset").statusCode() == 200
                        && at(Stack.BUGGY).get("/q/health/ready").statusCode() == 200);
    }

    public static String containerId() {
        return Stack.container("buggy-app").getId();
    }

    public static String startedAt() {
        return Stack.docker().inspectContainerCmd(containerId()).exec().getState().getStartedAt();
    }
}
