package io.aegisops.monitor.docker;

import io.aegisops.contract.AlertType;
import io.aegisops.monitor.service.NewAlert;
import io.aegisops.testsupport.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.aegisops.monitor.docker.DockerTestEngine.optedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart of monitor-service, on the real engine: two watchers in turn, sharing the saved position as two runs
 * of the service share its database. What ended while neither ran is reported once by the second; what the first
 * already reported is at most delivered again as the same engine event, which the alert table stores once.
 */
class DockerEventWatcherRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final CapturingAlertSink sink = new CapturingAlertSink();
    private final CursorStore saved = CursorStore.inMemory();
    private DockerTestEngine engine;
    private DockerEventWatcher watcher;

    @BeforeEach
    void setUp() {
        engine = new DockerTestEngine();
        engine.requireImage();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (watcher != null) {
            watcher.stop();
        }
        engine.close();
    }

    private void startService() {
        watcher = new DockerEventWatcher(engine.docker, sink, TestDockerConfig.defaults(), TestStack.SCOPE, saved);
        watcher.start();
        Await.until("the event stream is connected", WAIT, watcher::isConnected);
    }

    private void awaitCrash(String name) {
        sink.await(name, alert -> alert.type() == AlertType.CRASH, WAIT);
    }

    @Test
    void shouldReportACrashThatHappenedWhileTheServiceWasDownExactlyOnceAfterItStartsAgain() {
        startService();
        String before = engine.name("before-restart");
        engine.runToExit(before, optedIn(), "exit 3");
        awaitCrash(before);
        watcher.stop();

        String during = engine.name("while-down");
        engine.runToExit(during, optedIn(), "echo 'crashed while monitor was down'; exit 4");
        String stoppedWhileDown = engine.name("stopped-while-down");
        String id = engine.start(stoppedWhileDown, optedIn(), "sleep 300");
        engine.docker.stopContainerCmd(id).withTimeout(1).exec();
        engine.awaitExit(id);
        startService();

        awaitCrash(during);
        String control = engine.name("control");
        engine.runToExit(control, optedIn(), "exit 9");
        awaitCrash(control);

        assertThat(sink.about(during)).singleElement().satisfies(alert -> {
            assertThat(alert.metrics()).containsEntry("exitCode", 4);
            assertThat(alert.evidence()).contains("crashed while monitor was down");
        });
        // The position includes the last event processed before the stop, so that one may come again: the same
        // engine event, which the alert table stores once (DockerIntakeQuarkusIT), never a second crash.
        assertThat(sink.about(before)).extracting(NewAlert::observedAt).containsOnly(
                sink.about(before).get(0).observedAt());
        // The API stop it replayed (kill, then die) is a deliberate stop, as when it is seen live.
        assertThat(sink.about(stoppedWhileDown)).isEmpty();
    }

    @Test
    void shouldFollowFromNowOnTheVeryFirstStart() {
        String beforeFirstStart = engine.name("before-first-start");
        engine.runToExit(beforeFirstStart, optedIn(), "exit 3");

        startService();
        String control = engine.name("control");
        engine.runToExit(control, optedIn(), "exit 9");
        awaitCrash(control);

        assertThat(sink.about(beforeFirstStart)).isEmpty();
    }
}
