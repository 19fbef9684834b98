package io.aegisops.monitor.docker;

import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.Severity;
import io.aegisops.monitor.service.NewAlert;
import io.aegisops.testsupport.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.aegisops.monitor.docker.DockerTestEngine.optedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event watcher against the real engine. Absence of an alert is proven by ordering, not by sleeping:
 * the engine delivers events in order and the watcher handles them one by one, so once the alert of a
 * labelled control container that died later has arrived, any alert for the earlier container would have too.
 */
class DockerEventWatcherIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final CapturingAlertSink sink = new CapturingAlertSink();
    private DockerTestEngine engine;
    private DockerEventWatcher watcher;

    @BeforeEach
    void startWatching() {
        engine = new DockerTestEngine();
        engine.requireImage();
        watcher = new DockerEventWatcher(engine.docker, sink, TestDockerConfig.defaults(), TestStack.SCOPE);
        watcher.start();
        Await.until("the event stream is connected", WAIT, watcher::isConnected);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (watcher != null) {
            watcher.stop();
        }
        if (engine != null) {
            engine.close();
        }
    }

    /** A labelled container that crashes after everything the test did; once its alert is in, the stream caught up. */
    private void awaitControlEvent() {
        String control = engine.name("control");
        engine.runToExit(control, optedIn(), "exit 9");
        sink.await(control, alert -> alert.type() == AlertType.CRASH, WAIT);
    }

    @Test
    void shouldRaiseExactlyOneCrashAlertWithTheLinesALabelledContainerPrintedBeforeExitingWith3() {
        String name = engine.name("crash");

        int exit = engine.runToExit(name, optedIn(), "echo 'starting widget factory'; echo 'fatal: out of widgets' >&2; exit 3");
        sink.await(name, alert -> true, WAIT);
        awaitControlEvent();

        assertThat(exit).isEqualTo(3);
        NewAlert alert = assertThat(sink.about(name)).singleElement().actual();
        assertThat(alert.type()).isEqualTo(AlertType.CRASH);
        assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(alert.source()).isEqualTo(AlertSource.DOCKER_EVENT);
        assertThat(alert.service()).isEqualTo(name);
        assertThat(alert.metrics()).containsEntry("exitCode", 3).containsEntry("image", engine.image)
                .containsKey("containerId");
        assertThat(alert.evidence()).contains("starting widget factory", "fatal: out of widgets");
    }

    @Test
    void shouldReportAnExit137WithoutAnyKillAsOomKilled() {
        String name = engine.name("oom");

        engine.runToExit(name, optedIn(), "echo 'allocating'; exit 137");

        NewAlert alert = sink.await(name, a -> true, WAIT);
        assertThat(alert.type()).isEqualTo(AlertType.OOM_KILLED);
        assertThat(alert.metrics()).containsEntry("exitCode", 137);
    }

    @Test
    void shouldIgnoreAnUnlabelledContainerThatExitsWith3() {
        String stranger = engine.name("unlabelled");
        String optedOut = engine.name("opted-out");

        engine.runToExit(stranger, Map.of(), "exit 3");
        engine.runToExit(optedOut, Map.of("aegis.enable", "false"), "exit 3");
        awaitControlEvent();

        assertThat(sink.about(stranger)).isEmpty();
        assertThat(sink.about(optedOut)).isEmpty();
    }

    @Test
    void shouldNotAlertWhenALabelledContainerIsStoppedThroughTheApi() {
        String name = engine.name("stopped");
        // sh as PID 1 ignores SIGTERM, so the stop ends with the engine's SIGKILL: exit 137 that is not an OOM.
        String id = engine.start(name, optedIn(), "echo 'serving'; sleep 300");

        engine.docker.stopContainerCmd(id).withTimeout(1).exec();
        int exit = engine.awaitExit(id);
        awaitControlEvent();

        assertThat(exit).isNotZero();
        assertThat(sink.about(name)).isEmpty();
    }

    @Test
    void shouldNotAlertForARestartButStillReportACrashOfTheRestartedContainer() {
        String name = engine.name("restarted");
        // The first run leaves a marker and waits; the run after the restart finds it and crashes.
        String id = engine.start(name, optedIn(), "if [ -e /tmp/ran-once ]; then echo 'second run fails'; exit 5; fi; "
                + ": > /tmp/ran-once; sleep 300");

        engine.docker.restartContainerCmd(id).withTimeout(1).exec();
        engine.awaitExit(id);
        sink.await(name, alert -> true, WAIT);
        awaitControlEvent();

        assertThat(sink.about(name)).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.CRASH);
            assertThat(alert.metrics()).containsEntry("exitCode", 5);
            assertThat(alert.evidence()).contains("second run fails");
        });
    }
}
