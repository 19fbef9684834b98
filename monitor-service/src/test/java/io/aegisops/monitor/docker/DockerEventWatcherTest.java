package io.aegisops.monitor.docker;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import com.github.dockerjava.api.model.EventType;
import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.Labels;
import io.aegisops.contract.Severity;
import io.aegisops.monitor.service.NewAlert;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static io.aegisops.monitor.docker.Events.SECOND;
import static io.aegisops.monitor.docker.Events.T0;
import static io.aegisops.monitor.docker.Events.die;
import static io.aegisops.monitor.docker.Events.kill;
import static io.aegisops.monitor.docker.Events.labelled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** How engine events become alerts, without an engine: the mapping, the suppression rules and the resilience. */
class DockerEventWatcherTest {

    private static final String ID = "4f1c0ffee0000000000000000000000000000000000000000000000000000001";

    private final CapturingAlertSink sink = new CapturingAlertSink();
    private final List<String> logLines = List.of("Starting buggy-app", "java.lang.IllegalStateException: boom");

    private DockerEventWatcher watcher(BiFunction<String, Integer, List<String>> evidence) {
        TestDockerConfig config = TestDockerConfig.defaults().withKillWindow(Duration.ofMinutes(1))
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
        Clock clock = Clock.fixed(Instant.ofEpochSecond(T0 / SECOND), ZoneOffset.UTC);
        return new DockerEventWatcher(null, sink, config, clock, evidence);
    }

    private final DockerEventWatcher watcher = watcher((id, lines) -> logLines);

    @Test
    void shouldRaiseOneCriticalCrashAlertWithLogsForANonZeroExit() {
        Map<String, String> attributes = labelled("shop-api-1");
        attributes.put(Labels.SERVICE, "shop-api");

        watcher.handle(die(ID, T0, 3, attributes));

        assertThat(sink.all()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.CRASH);
            assertThat(alert.source()).isEqualTo(AlertSource.DOCKER_EVENT);
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.firing()).isTrue();
            assertThat(alert.service()).isEqualTo("shop-api");
            assertThat(alert.target()).isEqualTo("shop-api");
            assertThat(alert.container()).isEqualTo("shop-api-1");
            assertThat(alert.summary()).contains("shop-api-1").contains("exit code 3");
            assertThat(alert.metrics()).containsEntry("exitCode", 3).containsEntry("containerId", ID)
                    .containsEntry("image", "aegisops/buggy-app:latest");
            assertThat(alert.evidence()).isEqualTo(logLines);
            assertThat(alert.fingerprint()).isEqualTo("docker:" + ID + ":CRASH");
            assertThat(alert.observedAt()).isEqualTo(
                    OffsetDateTime.ofInstant(Instant.ofEpochSecond(1_700_000_000L, 123_456_789L), ZoneOffset.UTC));
        });
    }

    @Test
    void shouldAskForTheConfiguredNumberOfLogLines() {
        Map<String, Integer> asked = new HashMap<>();
        DockerEventWatcher recording = watcher((id, lines) -> {
            asked.put(id, lines);
            return List.of();
        });

        recording.handle(die(ID, T0, 1, labelled("app-1")));

        assertThat(asked).containsExactly(Map.entry(ID, 20));
    }

    @Test
    void shouldTreatExit137WithoutAnApiKillAsOomKilled() {
        watcher.handle(die(ID, T0, 137, labelled("app-1")));

        assertThat(sink.all()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.OOM_KILLED);
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.metrics()).containsEntry("exitCode", 137);
            assertThat(alert.fingerprint()).isEqualTo("docker:" + ID + ":OOM_KILLED");
        });
    }

    @Test
    void shouldRaiseOomKilledOnTheOomEventAndNotAgainForTheDieThatFollows() {
        watcher.handle(Events.container(ID, "oom", T0, labelled("app-1")));
        watcher.handle(die(ID, T0 + 1000, 137, labelled("app-1")));

        assertThat(sink.all()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.OOM_KILLED);
            assertThat(alert.metrics()).doesNotContainKey("exitCode");
        });
    }

    @Test
    void shouldRaiseAWarningWhenDockerHealthcheckTurnsUnhealthy() {
        watcher.handle(Events.container(ID, "health_status: healthy", T0, labelled("app-1")));
        watcher.handle(Events.container(ID, "health_status: unhealthy", T0 + SECOND, labelled("app-1")));

        assertThat(sink.all()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.UNHEALTHY);
            assertThat(alert.severity()).isEqualTo(Severity.WARNING);
            assertThat(alert.source()).isEqualTo(AlertSource.DOCKER_EVENT);
        });
    }

    @Test
    void shouldIgnoreACleanExit() {
        watcher.handle(die(ID, T0, 0, labelled("app-1")));

        assertThat(sink.all()).isEmpty();
    }

    @Test
    void shouldNotAlertWhenADieFollowsAnApiStop() {
        watcher.handle(kill(ID, T0, 15, labelled("app-1")));
        watcher.handle(die(ID, T0 + SECOND / 2, 143, labelled("app-1")));

        assertThat(sink.all()).isEmpty();
    }

    @Test
    void shouldNotMistakeTheSigkillOfASlowStopForAnOomKill() {
        watcher.handle(kill(ID, T0, 15, labelled("app-1")));
        watcher.handle(kill(ID, T0 + 10 * SECOND, 9, labelled("app-1")));
        watcher.handle(die(ID, T0 + 10 * SECOND + 5, 137, labelled("app-1")));

        assertThat(sink.all()).isEmpty();
    }

    @Test
    void shouldAlertForACrashLongAfterAnEarlierKill() {
        watcher.handle(kill(ID, T0, 1, labelled("app-1")));
        watcher.handle(die(ID, T0 + 5 * 60 * SECOND, 2, labelled("app-1")));

        assertThat(sink.all()).extracting(NewAlert::type).containsExactly(AlertType.CRASH);
    }

    @Test
    void shouldAlertForACrashInTheRunAfterARestart() {
        watcher.handle(kill(ID, T0, 15, labelled("app-1")));
        watcher.handle(die(ID, T0 + 1000, 143, labelled("app-1")));
        watcher.handle(Events.container(ID, "start", T0 + 2000, labelled("app-1")));
        watcher.handle(die(ID, T0 + 3000, 1, labelled("app-1")));

        assertThat(sink.all()).extracting(NewAlert::type).containsExactly(AlertType.CRASH);
    }

    @Test
    void shouldIgnoreEveryEventOfAContainerThatDidNotOptIn() {
        Map<String, String> unlabelled = labelled("stranger");
        unlabelled.remove(Labels.ENABLE);
        Map<String, String> optedOut = labelled("opted-out");
        optedOut.put(Labels.ENABLE, "false");
        Map<String, String> typo = labelled("typo");
        typo.put(Labels.ENABLE, "yes");

        List<Map<String, String>> strangers = List.of(unlabelled, optedOut, typo);
        for (int i = 0; i < strangers.size(); i++) {
            String id = "container-" + i;
            watcher.handle(die(id, T0, 3, strangers.get(i)));
            watcher.handle(die(id, T0 + 1, 137, strangers.get(i)));
            watcher.handle(Events.container(id, "oom", T0 + 2, strangers.get(i)));
            watcher.handle(Events.container(id, "health_status: unhealthy", T0 + 3, strangers.get(i)));
        }

        assertThat(sink.all()).isEmpty();
    }

    @Test
    void shouldDropAnEventTheEngineReplaysAfterAReconnect() {
        watcher.handle(die(ID, T0, 3, labelled("app-1")));
        watcher.handle(die(ID, T0, 3, labelled("app-1")));

        assertThat(sink.all()).hasSize(1);
    }

    @Test
    void shouldRetryAnAlertTheSinkRefusedInsteadOfDroppingIt() {
        sink.failNext(3);

        assertThatCode(() -> watcher.handle(die(ID, T0, 3, labelled("app-1")))).doesNotThrowAnyException();
        watcher.handle(die(ID, T0 + SECOND, 4, labelled("app-1")));

        assertThat(sink.all()).extracting(alert -> alert.metrics().get("exitCode")).containsExactly(3, 4);
    }

    @Test
    void shouldReportAnEndFoundInTheContainersStateOnceEvenWhenTheEngineStreamsItToo() {
        ContainerEvent found = ContainerEvent.from(die(ID, T0, 3, labelled("app-1"))).orElseThrow();

        watcher.handleFound(found);
        // The engine's own die of that same end: FinishedAt is set a moment before the event is emitted.
        watcher.handle(die(ID, T0 + 3_000_000, 3, labelled("app-1")));

        assertThat(sink.all()).singleElement().satisfies(alert -> {
            assertThat(alert.type()).isEqualTo(AlertType.CRASH);
            assertThat(alert.summary()).isEqualTo("Container app-1 crashed with exit code 3 while monitor-service was "
                    + "not following the engine's events");
        });
    }

    @Test
    void shouldNotReportAnEndAgainWhenItIsFoundAfterTheEngineReplayedIt() {
        watcher.handle(die(ID, T0, 3, labelled("app-1")));

        watcher.handleFound(ContainerEvent.from(die(ID, T0 - 2_000_000, 3, labelled("app-1"))).orElseThrow());

        assertThat(sink.all()).singleElement().satisfies(alert ->
                assertThat(alert.summary()).isEqualTo("Container app-1 crashed with exit code 3"));
    }

    @Test
    void shouldStillReportALaterCrashOfAContainerWhoseEarlierEndWasFound() {
        watcher.handleFound(ContainerEvent.from(die(ID, T0, 3, labelled("app-1"))).orElseThrow());

        watcher.handle(die(ID, T0 + 30 * SECOND, 5, labelled("app-1")));

        assertThat(sink.all()).extracting(alert -> alert.metrics().get("exitCode")).containsExactly(3, 5);
    }

    @Test
    void shouldStillAlertWhenTheLogsCannotBeRead() {
        DockerEventWatcher withoutLogs = watcher((id, lines) -> {
            throw new IllegalStateException("no such container");
        });

        withoutLogs.handle(die(ID, T0, 3, labelled("app-1")));

        assertThat(sink.all()).singleElement().satisfies(alert ->
                assertThat(alert.evidence()).singleElement().asString()
                        .contains("logs unavailable").contains("no such container"));
    }

    @Test
    void shouldNameTheServiceAfterTheComposeServiceWhenNoAegisServiceLabelIsSet() {
        Map<String, String> attributes = labelled("aegisops_buggy-app_1");
        attributes.put(Labels.COMPOSE_SERVICE, "buggy-app");

        watcher.handle(die(ID, T0, 3, attributes));
        watcher.handle(die(ID, T0 + 1, 3, labelled("lonely")));

        assertThat(sink.all()).extracting(NewAlert::service).containsExactly("buggy-app", "lonely");
    }

    @Test
    void shouldIgnoreEventsThatAreNotAboutContainers() {
        Event image = new Event("pull", "busybox", null, T0 / SECOND)
                .withType(EventType.IMAGE).withAction("die").withTimenano(T0)
                .withEventActor(new EventActor().withId("busybox").withAttributes(labelled("busybox")));

        watcher.handle(image);

        assertThat(sink.all()).isEmpty();
    }
}
