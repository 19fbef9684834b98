package io.aegisops.buggy.fault;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CpuFaultTest {

    private final CpuFault fault = new CpuFault();

    @AfterEach
    void stop() {
        fault.stop();
    }

    @Test
    void shouldStartThreadsThatReallyRunAndStopThemAll() {
        assertThat(fault.start(1)).isEqualTo(1);
        assertThat(fault.aliveThreads()).isEqualTo(1);
        assertThat(fault.since()).isNotNull();

        fault.stop();

        assertThat(fault.threads()).isZero();
        assertThat(fault.aliveThreads()).isZero();
        assertThat(fault.since()).isNull();
    }

    @Test
    void shouldRefuseToPassTheCapInTotal() {
        fault.start(1);

        assertThatThrownBy(() -> fault.start(CpuFault.MAX_THREADS))
                .isInstanceOf(CpuFault.TooManyThreadsException.class)
                .hasMessageContaining("exceed 64");
        assertThat(fault.threads()).isEqualTo(1);
    }

    @Test
    void shouldRefuseCountsOutsideItsRange() {
        assertThatThrownBy(() -> fault.start(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fault.start(65)).isInstanceOf(IllegalArgumentException.class);
    }
}
