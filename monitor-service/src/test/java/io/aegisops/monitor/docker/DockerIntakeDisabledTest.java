package io.aegisops.monitor.docker;

import com.github.dockerjava.api.DockerClient;
import io.quarkus.runtime.StartupEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code aegis.docker.enabled=false} neither component starts nor touches the engine. */
class DockerIntakeDisabledTest {

    private final List<String> engineCalls = new CopyOnWriteArrayList<>();
    private final DockerClient recordingClient = (DockerClient) Proxy.newProxyInstance(
            DockerClient.class.getClassLoader(), new Class<?>[] {DockerClient.class}, (proxy, method, args) -> {
                engineCalls.add(method.getName());
                throw new IllegalStateException("no engine in this test (" + method.getName() + ")");
            });
    private final TestDockerConfig disabled = TestDockerConfig.defaults().withEnabled(false);

    @Test
    void shouldNeitherWatchEventsNorProbeWhenTheIntakeIsDisabled() {
        DockerEventWatcher watcher = new DockerEventWatcher(recordingClient, new CapturingAlertSink(), disabled);
        HealthChecker checker = new HealthChecker(recordingClient, new CapturingAlertSink(), disabled);

        watcher.onStart(new StartupEvent());
        checker.onStart(new StartupEvent());

        assertThat(watcher.isRunning()).isFalse();
        assertThat(checker.isRunning()).isFalse();
        assertThat(engineCalls).isEmpty();
    }

    @Test
    void shouldStartBothComponentsWhenEnabled() {
        TestDockerConfig enabled = TestDockerConfig.defaults();
        DockerEventWatcher watcher = new DockerEventWatcher(recordingClient, new CapturingAlertSink(), enabled);
        HealthChecker checker = new HealthChecker(recordingClient, new CapturingAlertSink(), enabled);
        try {
            watcher.onStart(new StartupEvent());
            checker.onStart(new StartupEvent());

            assertThat(watcher.isRunning()).isTrue();
            assertThat(checker.isRunning()).isTrue();
        } finally {
            watcher.stop();
            checker.stop();
        }
    }
}
