package io.aegisops.e2e;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import io.aegisops.dockerkit.ContainerOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Docker socket is fenced in the running stack: only the two proxies mount it, the services reach the engine
 * through them, and from inside the stack's network a call off a proxy's allow-list is refused by the proxy while
 * the target stays as it was. (That healing works through the proxies is what {@code HealingIT} shows.)
 */
class DockerSocketIT {

    private static final String PROJECT = Stack.PROJECT;

    @BeforeEach
    void buggyAppRunning() {
        BuggyApp.healthyAndFaultFree();
    }

    @Test
    void onlyTheProxiesMountTheDockerSocket() {
        Map<String, String> mounting = new HashMap<>();
        for (Container container : Stack.docker().listContainersCmd()
                .withLabelFilter(Map.of("com.docker.compose.project", PROJECT)).exec()) {
            InspectContainerResponse inspected = Stack.docker().inspectContainerCmd(container.getId()).exec();
            boolean mountsSocket = inspected.getMounts() != null && inspected.getMounts().stream().anyMatch(m ->
                    m.getSource() != null && m.getSource().endsWith("docker.sock")
                            || m.getDestination() != null && m.getDestination().getPath().endsWith("docker.sock"));
            if (mountsSocket) {
                mounting.put(container.getLabels().get("com.docker.compose.service"), container.getId());
            }
        }
        assertThat(mounting.keySet()).containsExactlyInAnyOrder("monitor-docker-proxy", "remediation-docker-proxy");

        assertThat(environment("monitor-service")).contains("DOCKER_HOST=tcp://monitor-docker-proxy:2375");
        assertThat(environment("remediation-service")).contains("DOCKER_HOST=tcp://remediation-docker-proxy:2375");
    }

    /**
     * A throw-away container on the stack's network (the JRE base image: bash, whose /dev/tcp the healthchecks
     * use too) sends raw Engine API calls to the proxies, as any process inside the stack could.
     */
    @Test
    void callsOffTheAllowListAreRefusedFromInsideTheStack() {
        String target = BuggyApp.containerId();
        String startedAt = BuggyApp.startedAt();

        Map<String, String> answers = fromInsideTheStack(List.of(
                "list monitor-docker-proxy GET /containers/json",
                "stop monitor-docker-proxy POST /v1.41/containers/" + target + "/stop",
                "restart monitor-docker-proxy POST /containers/" + target + "/restart",
                "exec remediation-docker-proxy POST /containers/" + target + "/exec",
                "delete remediation-docker-proxy DELETE /containers/" + target,
                "create remediation-docker-proxy POST /containers/create"));

        assertThat(answers.get("list")).as("an allowed read, so the refusals below are not a network problem")
                .startsWith("200 ");
        assertThat(answers.get("stop")).startsWith("403 ")
                .contains("monitor-docker-proxy refuses POST \\/v1.41\\/containers\\/" + target + "\\/stop");
        assertThat(answers.get("restart")).startsWith("403 ").contains("monitor-docker-proxy refuses POST");
        assertThat(answers.get("exec")).startsWith("403 ").contains("remediation-docker-proxy refuses POST");
        assertThat(answers.get("delete")).startsWith("403 ").contains("remediation-docker-proxy refuses DELETE");
        assertThat(answers.get("create")).startsWith("403 ").contains("remediation-docker-proxy refuses POST");

        InspectContainerResponse after = Stack.docker().inspectContainerCmd(target).exec();
        assertThat(after.getState().getRunning()).isTrue();
        assertThat(after.getState().getStartedAt()).as("buggy-app was not restarted").isEqualTo(startedAt);
        assertThat(after.getExecIds()).as("exec instances on buggy-app").isNullOrEmpty();
    }

    private static List<String> environment(String service) {
        String[] env = Stack.docker().inspectContainerCmd(Stack.container(service).getId()).exec().getConfig().getEnv();
        return env == null ? List.of() : Arrays.asList(env);
    }

    /**
     * Runs each {@code "<label> <host> <method> <path>"} from a container on the stack's network and returns, per
     * label, the status code and the last line of the body.
     */
    private static Map<String, String> fromInsideTheStack(List<String> calls) {
        String network = Stack.docker().inspectContainerCmd(BuggyApp.containerId()).exec()
                .getNetworkSettings().getNetworks().keySet().iterator().next();
        String script = "call() { exec 3<>/dev/tcp/$2/2375 || { echo \"$1 unreachable\"; return; }; "
                + "printf '%s %s HTTP/1.0\\r\\nHost: docker\\r\\nContent-Length: 0\\r\\n\\r\\n' \"$3\" \"$4\" >&3; "
                + "response=$(cat <&3); exec 3<&-; "
                + "echo \"$1 $(printf '%s' \"$response\" | head -n 1 | cut -d' ' -f2) $(printf '%s' \"$response\" | tail -n 1)\"; }; "
                + calls.stream().map(c -> "call " + c).collect(Collectors.joining("; "));
        String id = Stack.docker().createContainerCmd(Stack.TEST_IMAGE)
                .withName("aegis-e2e-socket-" + UUID.randomUUID().toString().substring(0, 8))
                .withLabels(Map.of("aegis.test", "true"))
                .withEntrypoint("bash", "-c", script)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network))
                .exec().getId();
        try {
            Stack.docker().startContainerCmd(id).exec();
            Stack.docker().waitContainerCmd(id).start().awaitStatusCode(60, TimeUnit.SECONDS);
            Map<String, String> answers = new HashMap<>();
            for (String line : logs(id).split("\n")) {
                String[] parts = line.strip().split(" ", 2);
                if (parts.length == 2) {
                    answers.put(parts[0], parts[1]);
                }
            }
            assertThat(answers).as("one answer per call; the container printed:\n%s", logs(id)).hasSize(calls.size());
            return answers;
        } finally {
            Stack.docker().removeContainerCmd(id).withForce(true).exec();
        }
    }

    private static String logs(String id) {
        return ContainerOutput.of(Stack.docker(), id, 100, Duration.ofSeconds(10));
    }
}
