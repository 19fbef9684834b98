package io.aegisops.buggy.fault;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryFaultTest {

    private final MemoryFault fault = new MemoryFault();

    @Test
    void shouldRetainWhatEachCallAsksForOnTopOfWhatIsAlreadyHeld() {
        MemoryFault.Retention first = fault.retain(2);
        MemoryFault.Retention second = fault.retain(3);

        assertThat(first.addedMb()).isEqualTo(2);
        assertThat(second).isEqualTo(new MemoryFault.Retention(3, 3, 5, false));
        assertThat(fault.retainedBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(fault.since()).isNotNull();
    }

    @Test
    void shouldLetEverythingGoOnClear() {
        fault.retain(2);

        fault.clear();

        assertThat(fault.retainedMb()).isZero();
        assertThat(fault.since()).isNull();
    }

    @Test
    void shouldRefuseSizesOutsideItsRange() {
        assertThatThrownBy(() -> fault.retain(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fault.retain(1025)).isInstanceOf(IllegalArgumentException.class);
    }
}
