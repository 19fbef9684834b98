package io.aegisops.monitor.docker;

import io.aegisops.contract.Labels;
import io.aegisops.contract.StackScope;
import io.aegisops.testsupport.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.aegisops.monitor.docker.DockerTestEngine.optedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which ends the containers' state still shows, on the real engine: what a restarted monitor reports when the
 * engine's own events of those ends are gone.
 */
class ExitedContainersIT {

    private DockerTestEngine engine;
    private ExitedContainers exited;

    @BeforeEach
    void setUp() {
        engine = new DockerTestEngine();
        engine.requireImage();
        exited = new ExitedContainers(engine.docker, TestStack.SCOPE);
    }

    @AfterEach
    void cleanUp() throws Exception {
        engine.close();
    }

    private List<ContainerEvent> endsOf(String name, long sinceNanos) {
        return exited.endedSince(sinceNanos).stream().filter(end -> end.name().equals(name)).toList();
    }

    private String finishedAt(String name) {
        return engine.docker.inspectContainerCmd(name).exec().getState().getFinishedAt();
    }

    @Test
    void shouldDescribeACrashThatEndedAfterThePositionAsTheDieThatWasMissed() {
        long before = System.currentTimeMillis() * 1_000_000L - 1_000_000_000L;
        String name = engine.name("found-crash");

        engine.runToExit(name, optedIn(), "echo 'fatal'; exit 3");

        assertThat(endsOf(name, before)).singleElement().satisfies(end -> {
            assertThat(end.action()).isEqualTo("die");
            assertThat(end.exitCode()).hasValue(3);
            assertThat(end.timeNanos()).isEqualTo(ExitedContainers.nanosOf(finishedAt(name)));
            assertThat(end.attributes()).containsEntry(Labels.ENABLE, "true").containsEntry("image", engine.image);
        });
    }

    @Test
    void shouldLeaveOutEndsBeforeThePositionDeliberateStopsRunningOrUnlabelledContainersAndOtherStacks() {
        long before = System.currentTimeMillis() * 1_000_000L - 1_000_000_000L;
        String earlier = engine.name("ended-earlier");
        engine.runToExit(earlier, optedIn(), "exit 3");
        long position = ExitedContainers.nanosOf(finishedAt(earlier));
        String stopped = engine.name("sigterm");
        String running = engine.name("running");
        String unlabelled = engine.name("unlabelled");

        engine.runToExit(stopped, optedIn(), "exit 143");
        engine.start(running, optedIn(), "sleep 300");
        engine.runToExit(unlabelled, Map.of(), "exit 3");

        assertThat(endsOf(earlier, before)).hasSize(1);
        assertThat(endsOf(earlier, position)).isEmpty();
        assertThat(endsOf(stopped, before)).isEmpty();
        assertThat(endsOf(running, before)).isEmpty();
        // The same crash is not another stack's to report.
        assertThat(new ExitedContainers(engine.docker, new StackScope("someone-elses-stack", false))
                .endedSince(before)).noneMatch(end -> end.name().equals(earlier));
        assertThat(endsOf(unlabelled, before)).isEmpty();
    }
}
