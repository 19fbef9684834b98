package io.aegisops.monitor.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Statistics;
import io.aegisops.contract.Labels;
import io.aegisops.testsupport.DockerSocketProxy;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * monitor-service's own Docker client ({@link DockerClients}) through monitor's socket proxy: the real proxy image
 * with its real allow-list in front of the real engine, as compose runs them. Every read the service makes passes;
 * every call that could change anything is answered 403 by the proxy, and the engine's record of the container
 * shows nothing happened to it.
 */
class MonitorDockerProxyIT {

    private static final String POLICY = "monitor";
    private static final String TICKING = "trap 'exit 0' TERM; while :; do echo tick; sleep 1; done";

    private static DockerTestEngine engine;
    private static DockerSocketProxy proxy;
    private static DockerClient client;
    private static String target;

    @BeforeAll
    static void startProxyAndTarget() {
        engine = new DockerTestEngine();
        engine.requireImage();
        proxy = DockerSocketProxy.start(POLICY);
        client = DockerClients.create(proxy.dockerHost());
        target = engine.start(engine.name("proxied"), DockerTestEngine.optedIn(), TICKING);
    }

    @AfterAll
    static void removeEverything() throws IOException {
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            try {
                if (proxy != null) {
                    proxy.close();
                }
            } finally {
                engine.close();
            }
        }
    }

    @Test
    void theReadsMonitorMakesPassThroughItsProxy() throws InterruptedException {
        assertThat(client.listContainersCmd().withLabelFilter(Map.of(Labels.ENABLE, "true")).exec())
                .extracting(Container::getId).contains(target);
        assertThat(client.inspectContainerCmd(target).exec().getState().getRunning()).isTrue();
        Await.until("a tick in the logs read through the proxy", Duration.ofSeconds(10),
                () -> new ContainerLogs(client).tail(target, 5).contains("tick"));

        BlockingQueue<Statistics> frames = new LinkedBlockingQueue<>();
        try (ResultCallback.Adapter<Statistics> stats = client.statsCmd(target).exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Statistics frame) {
                frames.add(frame);
            }
        })) {
            Statistics frame = frames.poll(10, TimeUnit.SECONDS);
            assertThat(frame).as("a stats frame through the proxy").isNotNull();
            assertThat(frame.getMemoryStats().getUsage()).isPositive();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }

        // docker-java sends unversioned paths; the Docker CLI and other clients prefix the API version.
        assertThat(proxy.send("GET", "/v1.41/containers/" + target + "/json").statusCode()).isEqualTo(200);
        assertThat(proxy.send("GET", "/v1.41/containers/json").statusCode()).isEqualTo(200);
    }

    /**
     * The health checker and investigations read in bursts with idle gaps between them. A connection the proxy kept
     * alive and then closed while idle would stay in docker-java's pool and fail the next call (and its one retry,
     * when the pool holds two): the proxy closes every connection after its answer and says so, so the pool never
     * holds one, and a burst after a long gap finds every call answered.
     */
    @Test
    void readsAfterAnIdleGapAreAnsweredBecauseNoConnectionIsKeptAlive() throws InterruptedException {
        assertThat(proxy.send("GET", "/_ping").headers().firstValue("connection")).hasValue("close");
        for (int i = 0; i < 4; i++) {
            client.inspectContainerCmd(target).exec();
        }

        Thread.sleep(Duration.ofSeconds(12).toMillis());

        for (int i = 0; i < 8; i++) {
            assertThat(client.listContainersCmd().withLabelFilter(Map.of(Labels.ENABLE, "true")).exec())
                    .as("list %d after the gap", i).extracting(Container::getId).contains(target);
            assertThat(client.inspectContainerCmd(target).exec().getId()).isEqualTo(target);
        }
    }

    /**
     * The event stream is silent for longer than the proxy's request timeout (10 s) before the
     * event comes, as on a quiet host: the stream must still be open and deliver it.
     */
    @Test
    void aSilentEventStreamStaysOpenThroughTheProxy() throws Exception {
        String name = engine.name("late-event");
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        try (ResultCallback.Adapter<Event> stream = client.eventsCmd()
                .withContainerFilter(name)
                .withEventFilter("start")
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event event) {
                        events.add(event);
                    }
                })) {
            assertThat(events.poll(12, TimeUnit.SECONDS)).as("an event before the container exists").isNull();
            String id = engine.start(name, DockerTestEngine.optedIn(), "exit 0");
            Event event = events.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("the start event after 12 s of silence; proxy log:\n%s", proxy.logs()).isNotNull();
            assertThat(event.getId()).isEqualTo(id);
        }
    }

    @Test
    void everyWriteIsRefusedByTheProxyAndTheContainerIsUntouched() {
        InspectContainerResponse before = engine.docker.inspectContainerCmd(target).exec();
        String wouldBeCreated = engine.name("must-not-exist");
        String create = "{\"Image\":\"" + engine.image + "\",\"Cmd\":[\"true\"]}";
        String exec = "{\"Cmd\":[\"sh\",\"-c\",\"touch /tmp/pwned\"]}";

        proxy.assertRefused(POLICY, "POST", "/containers/" + target + "/stop", null);
        proxy.assertRefused(POLICY, "POST", "/v1.41/containers/" + target + "/restart?t=0", null);
        proxy.assertRefused(POLICY, "POST", "/containers/" + target + "/kill", null);
        proxy.assertRefused(POLICY, "POST", "/v1.41/containers/" + target + "/pause", null);
        proxy.assertRefused(POLICY, "DELETE", "/containers/" + target + "?force=true", null);
        proxy.assertRefused(POLICY, "POST", "/containers/create?name=" + wouldBeCreated, create);
        proxy.assertRefused(POLICY, "POST", "/v1.41/containers/" + target + "/exec", exec);
        proxy.assertRefused(POLICY, "POST", "/containers/" + target + "/update", "{\"Memory\":8388608}");
        // Reads the service does not make are not on the list either, however they are spelled.
        proxy.assertRefused(POLICY, "GET", "/images/json", null);
        proxy.assertRefused(POLICY, "GET", "/containers/" + target + "/../../images/json", null);
        proxy.assertRefused(POLICY, "GET", "/containers/%2e%2e/images/json", null);

        // The production client gets the proxy's 403 as a DockerException, as it would from the engine.
        refusedWith403(() -> client.stopContainerCmd(target).withTimeout(0).exec());
        refusedWith403(() -> client.restartContainerCmd(target).withTimeout(0).exec());
        refusedWith403(() -> client.killContainerCmd(target).exec());
        refusedWith403(() -> client.removeContainerCmd(target).withForce(true).exec());
        refusedWith403(() -> client.createContainerCmd(engine.image).withName(wouldBeCreated).exec());
        refusedWith403(() -> client.execCreateCmd(target).withCmd("touch", "/tmp/pwned").exec());

        InspectContainerResponse after = engine.docker.inspectContainerCmd(target).exec();
        assertThat(after.getState().getRunning()).isTrue();
        assertThat(after.getState().getPaused()).isFalse();
        assertThat(after.getState().getStartedAt()).isEqualTo(before.getState().getStartedAt());
        assertThat(after.getRestartCount()).isEqualTo(before.getRestartCount());
        assertThat(after.getHostConfig().getMemory()).isEqualTo(before.getHostConfig().getMemory());
        assertThat(after.getExecIds()).as("exec instances on the target").isNullOrEmpty();
        assertThat(engine.docker.listContainersCmd().withShowAll(true).withNameFilter(List.of(wouldBeCreated)).exec())
                .as("containers created through the proxy").isEmpty();
    }

    private static void refusedWith403(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DockerException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(403);
            assertThat(e.getMessage()).contains("monitor-docker-proxy refuses");
        });
    }
}
