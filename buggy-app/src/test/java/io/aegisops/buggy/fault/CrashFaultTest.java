package io.aegisops.buggy.fault;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.aegisops.buggy.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrashFaultTest {

    private final List<Integer> exitCodes = new CopyOnWriteArrayList<>();
    private final CrashFault crash = new CrashFault(exitCodes::add, Duration.ofMillis(10));

    @Test
    void shouldAnswerFirstAndTerminateWithTheRequestedCodeAfterTheDelay() {
        Duration delay = crash.schedule(137, "test");

        assertThat(delay).isEqualTo(Duration.ofMillis(10));
        within(Duration.ofSeconds(30), () -> assertThat(exitCodes).containsExactly(137));
    }

    @Test
    void shouldAcceptTheWholeExitCodeRange() {
        crash.schedule(0, "clean exit");
        crash.schedule(255, "highest code");

        within(Duration.ofSeconds(30), () -> assertThat(exitCodes).containsExactlyInAnyOrder(0, 255));
    }

    @Test
    void shouldRefuseCodesAProcessCannotExitWith() {
        assertThatThrownBy(() -> crash.schedule(256, "test")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> crash.schedule(-1, "test")).isInstanceOf(IllegalArgumentException.class);
        assertThat(exitCodes).isEmpty();
    }
}
