package io.aegisops.remediation.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Event;
import io.aegisops.contract.Action;
import io.aegisops.remediation.support.Await;
import io.aegisops.remediation.support.ThrowAwayContainers;
import io.aegisops.testsupport.DockerSocketProxy;
import io.aegisops.testsupport.TestStack;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.aegisops.remediation.support.ThrowAwayContainers.RUN_FOREVER;
import static io.aegisops.remediation.support.ThrowAwayContainers.optedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * remediation-service's engine client ({@link DockerEngine}, {@link ActionExecutor}) through remediation's socket
 * proxy: the real proxy image with its real allow-list in front of the real engine, as compose runs them. Restart,
 * stop and start go through and the engine shows them done; create, exec, kill, delete and the rest are answered
 * 403 by the proxy and the engine's record of the container shows nothing happened to it.
 */
class RemediationDockerProxyIT {

    private static final String POLICY = "remediation";

    private static ThrowAwayContainers containers;
    private static DockerSocketProxy proxy;
    private static DockerEngine engine;

    @BeforeAll
    static void startProxy() {
        containers = new ThrowAwayContainers();
        proxy = DockerSocketProxy.start(POLICY);
        engine = new DockerEngine(proxy.dockerHost(), TestStack.SCOPE);
    }

    @AfterAll
    static void removeEverything() throws IOException {
        try {
            if (engine != null) {
                engine.close();
            }
            if (proxy != null) {
                proxy.close();
            }
        } finally {
            containers.close();
        }
    }

    @Test
    void theCallsRemediationMakesPassThroughItsProxy() {
        Instant since = Instant.now();
        String name = containers.uniqueName("acted-on");
        String id = containers.start(name, optedIn(name), RUN_FOREVER);
        ActionExecutor executor = new ActionExecutor(engine);
        List<String> seen = new CopyOnWriteArrayList<>();
        ResultCallback.Adapter<Event> stream = engine.events(Long.toString(since.getEpochSecond() - 1), List.of("restart", "stop", "start"),
                new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event event) {
                        if (id.equals(event.getId())) {
                            seen.add(event.getAction());
                        }
                    }
                });
        try {
            assertThat(engine.listOptedIn()).extracting(ContainerSnapshot::id).contains(id);
            assertThat(engine.listAll()).extracting(DockerEngine.ContainerSummary::id).contains(id);
            String startedAt = containers.startedAt(id);

            assertThat(executor.execute(id, Action.RESTART, Duration.ofSeconds(5)).outcome())
                    .as("restart through the proxy; its log:\n%s", proxy.logs()).isEqualTo(ActionResult.Outcome.DONE);
            assertThat(containers.startedAt(id)).isNotEqualTo(startedAt);
            assertThat(executor.execute(id, Action.STOP, Duration.ofSeconds(5)).outcome()).isEqualTo(ActionResult.Outcome.DONE);
            assertThat(containers.running(id)).isFalse();
            assertThat(executor.execute(id, Action.START, Duration.ofSeconds(5)).outcome()).isEqualTo(ActionResult.Outcome.DONE);
            assertThat(containers.running(id)).isTrue();

            Await.until("restart, stop and start on the event stream through the proxy", Duration.ofSeconds(10),
                    () -> seen.containsAll(List.of("restart", "stop", "start")));
        } finally {
            closeQuietly(stream);
        }
        // The Docker CLI and other clients prefix the API version; docker-java does not.
        assertThat(proxy.send("POST", "/v1.41/containers/" + id + "/restart?t=1").statusCode()).isEqualTo(204);
    }

    /**
     * remediation-service idles for hours between actions, and an action is a POST, which the HTTP client does not
     * retry: the restart after a silence must still reach the engine, never a pooled connection the proxy closed
     * meanwhile (the proxy closes every connection after its answer and says so, so none is pooled).
     */
    @Test
    void anActionAfterALongIdleStillReachesTheEngine() throws InterruptedException {
        String name = containers.uniqueName("idle");
        String id = containers.start(name, optedIn(name), RUN_FOREVER);
        ActionExecutor executor = new ActionExecutor(engine);
        assertThat(engine.inspect(id)).isPresent();
        String startedAt = containers.startedAt(id);

        Thread.sleep(Duration.ofSeconds(11).toMillis());

        ActionResult result = executor.execute(id, Action.RESTART, Duration.ofSeconds(5));
        assertThat(result.outcome()).as("%s; proxy log:\n%s", result.detail(), proxy.logs())
                .isEqualTo(ActionResult.Outcome.DONE);
        assertThat(containers.startedAt(id)).isNotEqualTo(startedAt);
    }

    @Test
    void everythingElseIsRefusedByTheProxyAndTheContainerIsUntouched() {
        String name = containers.uniqueName("untouched");
        String id = containers.start(name, optedIn(name), RUN_FOREVER);
        String startedAt = containers.startedAt(id);
        String image = System.getProperty(ThrowAwayContainers.IMAGE_PROPERTY, "aegisops/jre:17");
        String wouldBeCreated = containers.uniqueName("must-not-exist");

        proxy.assertRefused(POLICY, "POST", "/containers/create?name=" + wouldBeCreated,
                "{\"Image\":\"" + image + "\",\"Cmd\":[\"true\"]}");
        proxy.assertRefused(POLICY, "POST", "/v1.41/containers/" + id + "/exec", "{\"Cmd\":[\"touch\",\"/tmp/pwned\"]}");
        proxy.assertRefused(POLICY, "DELETE", "/containers/" + id + "?force=true", null);
        proxy.assertRefused(POLICY, "DELETE", "/v1.41/containers/" + id, null);
        proxy.assertRefused(POLICY, "POST", "/containers/" + id + "/kill", null);
        proxy.assertRefused(POLICY, "POST", "/containers/" + id + "/pause", null);
        proxy.assertRefused(POLICY, "POST", "/containers/" + id + "/update", "{\"Memory\":8388608}");
        proxy.assertRefused(POLICY, "POST", "/images/create?fromImage=busybox", null);
        // Reads monitor needs are not remediation's: logs and stats stay closed on this proxy.
        proxy.assertRefused(POLICY, "GET", "/containers/" + id + "/logs?stdout=1", null);
        proxy.assertRefused(POLICY, "GET", "/containers/" + id + "/stats?stream=0", null);
        // Restart spelled as another endpoint, or with a method the engine would not take for it.
        proxy.assertRefused(POLICY, "POST", "/containers/" + id + "/../../images/create", null);
        proxy.assertRefused(POLICY, "PUT", "/containers/" + id + "/restart", null);

        // The production client gets the proxy's 403 as a DockerException, as it would from the engine.
        refusedWith403(() -> engine.client().createContainerCmd(image).withName(wouldBeCreated).exec());
        refusedWith403(() -> engine.client().execCreateCmd(id).withCmd("touch", "/tmp/pwned").exec());
        refusedWith403(() -> engine.client().removeContainerCmd(id).withForce(true).exec());
        refusedWith403(() -> engine.client().killContainerCmd(id).exec());

        assertThat(containers.running(id)).isTrue();
        assertThat(containers.startedAt(id)).isEqualTo(startedAt);
        assertThat(engine.inspect(wouldBeCreated)).as("a container created through the proxy").isEmpty();
        assertThat(containers.events(id, "exec_create", Instant.now().minusSeconds(60)))
                .as("exec instances created on the target").isEmpty();
        assertThat(containers.events(id, "kill", Instant.now().minusSeconds(60)))
                .as("kills of the target").isEmpty();
    }

    private static void refusedWith403(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DockerException.class, e -> {
            assertThat(e.getHttpStatus()).isEqualTo(403);
            assertThat(e.getMessage()).contains("remediation-docker-proxy refuses");
        });
    }

    private static void closeQuietly(ResultCallback.Adapter<Event> stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // the stream is being abandoned; nothing to recover
        }
    }
}
