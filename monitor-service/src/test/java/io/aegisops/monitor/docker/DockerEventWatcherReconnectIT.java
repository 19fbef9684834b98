package io.aegisops.monitor.docker;

import com.github.dockerjava.api.DockerClient;
import io.aegisops.contract.AlertType;
import io.aegisops.testsupport.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.aegisops.monitor.docker.DockerTestEngine.optedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event stream survives the engine going away: a crash that happens while the watcher is cut off is
 * still reported once it reconnects, and the events replayed at the boundary are not reported twice.
 */
class DockerEventWatcherReconnectIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final CapturingAlertSink sink = new CapturingAlertSink();
    private DockerTestEngine engine;
    private SeveringProxy proxy;
    private DockerClient proxiedClient;
    private DockerEventWatcher watcher;

    @BeforeEach
    void watchThroughACuttableProxy() throws Exception {
        engine = new DockerTestEngine();
        engine.requireImage();
        proxy = new SeveringProxy(DockerTestEngine.host());
        proxiedClient = DockerClients.create(proxy.host());
        TestDockerConfig config = TestDockerConfig.defaults()
                .withHost(proxy.host())
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(400));
        watcher = new DockerEventWatcher(proxiedClient, sink, config, TestStack.SCOPE);
        watcher.start();
        Await.until("the event stream is connected", WAIT, watcher::isConnected);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (watcher != null) {
            watcher.stop();
        }
        if (proxiedClient != null) {
            proxiedClient.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void shouldReportACrashThatHappenedWhileDisconnectedExactlyOnceAfterReconnecting() {
        String before = engine.name("before-cut");
        engine.runToExit(before, optedIn(), "exit 3");
        sink.await(before, alert -> true, WAIT);

        proxy.cut();
        Await.until("the watcher notices the engine is gone", WAIT, () -> !watcher.isConnected());
        String during = engine.name("during-cut");
        engine.runToExit(during, optedIn(), "echo 'crashed while nobody watched'; exit 4");
        proxy.heal();

        NewAlertAssertions.awaitCrash(sink, during, 4, WAIT);
        String control = engine.name("control");
        engine.runToExit(control, optedIn(), "exit 9");
        sink.await(control, alert -> alert.type() == AlertType.CRASH, WAIT);

        assertThat(watcher.reconnects()).isPositive();
        assertThat(sink.about(before)).hasSize(1);
        assertThat(sink.about(during)).singleElement().satisfies(alert ->
                assertThat(alert.metrics()).containsEntry("exitCode", 4));
    }

    /** Small helper so the test reads as a sentence. */
    private static final class NewAlertAssertions {
        static void awaitCrash(CapturingAlertSink sink, String container, int exitCode, Duration wait) {
            sink.await(container, alert -> alert.type() == AlertType.CRASH
                    && Integer.valueOf(exitCode).equals(alert.metrics().get("exitCode")), wait);
        }
    }
}
