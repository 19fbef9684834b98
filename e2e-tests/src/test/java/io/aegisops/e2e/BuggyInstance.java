package io.aegisops.e2e;

import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.aegisops.e2e.Stack.at;
import static org.awaitility.Awaitility.await;

/**
 * A buggy-app container of the test's own, on the stack's network, opted in with the labels the test
 * chooses. Lets a case pick its policy (e.g. {@code manual}, so nothing heals it behind the test's back) or
 * a start-up crash, without touching the Compose buggy-app that other cases use.
 */
public final class BuggyInstance implements AutoCloseable {

    private static final ExposedPort HTTP = ExposedPort.tcp(8080);

    public final String name;
    public final String id;

    private BuggyInstance(String name, String id) {
        this.name = name;
        this.id = id;
    }

    /**
     * Creates and starts an instance.
     *
     * @param prefix  name prefix; a random suffix keeps instances of different runs apart
     * @param labels  extra labels (aegis.enable, the suite's stack, service and health URL are set here)
     * @param env     extra environment
     */
    public static BuggyInstance start(String prefix, Map<String, String> labels, Map<String, String> env) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        InspectContainerResponse compose = Stack.docker().inspectContainerCmd(BuggyApp.containerId()).exec();
        String network = compose.getNetworkSettings().getNetworks().keySet().iterator().next();
        Map<String, String> allLabels = new HashMap<>(Map.of(
                "aegis.enable", "true",
                "aegis.stack", Stack.PROJECT,
                "aegis.service", name,
                "aegis.health-url", "http://" + name + ":8080/q/health/ready",
                "aegis.test", "true"));
        allLabels.putAll(labels);
        Map<String, String> allEnv = new HashMap<>(Map.of(
                "AEGIS_MONITOR_URL", "http://monitor-service:8080",
                "AEGIS_SERVICE_NAME", name,
                "AEGIS_INTAKE_TOKEN", Stack.intakeToken(),
                "JAVA_OPTS", "-Xmx256m"));
        allEnv.putAll(env);
        Ports ports = new Ports();
        ports.bind(HTTP, Ports.Binding.bindIp("127.0.0.1"));
        CreateContainerResponse created = Stack.docker().createContainerCmd(compose.getConfig().getImage())
                .withName(name)
                .withLabels(allLabels)
                .withEnv(allEnv.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withExposedPorts(List.of(HTTP))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network).withPortBindings(ports)
                        .withMemory(512L * 1024 * 1024).withNanoCPUs(1_000_000_000L))
                .exec();
        Stack.docker().startContainerCmd(created.getId()).exec();
        return new BuggyInstance(name, created.getId());
    }

    /**
     * The instance's URL on the host. Looked up on every call: the engine picks a new ephemeral host port
     * each time the container starts, so a port seen before a restart is stale after it.
     */
    public String url() {
        Ports.Binding[] bound = Stack.docker().inspectContainerCmd(id).exec()
                .getNetworkSettings().getPorts().getBindings().get(HTTP);
        if (bound == null || bound.length == 0) {
            throw new IllegalStateException(name + " is not running: it has no published port");
        }
        return "http://127.0.0.1:" + bound[0].getHostPortSpec();
    }

    public boolean running() {
        return Boolean.TRUE.equals(Stack.docker().inspectContainerCmd(id).exec().getState().getRunning());
    }

    /** Starts the instance if it is down (as an operator would) and waits until it is ready and fault-free. */
    public void healthyAndFaultFree() {
        if (!running()) {
            Stack.docker().startContainerCmd(id).exec();
        }
        await(name + " ready").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> at(url()).post("/faults/reset").statusCode() == 200
                        && at(url()).get("/q/health/ready").statusCode() == 200);
    }

    public String startedAt() {
        return Stack.docker().inspectContainerCmd(id).exec().getState().getStartedAt();
    }

    @Override
    public void close() {
        Stack.docker().removeContainerCmd(id).withForce(true).exec();
    }
}
