package io.aegisops.buggy.watch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeapPressureTest {

    @Test
    void shouldMeasureAgainstTheMaximumHeap() {
        assertThat(HeapPressure.percent(450, 500, 480)).isEqualTo(90.0);
        assertThat(HeapPressure.limitBytes(500, 480)).isEqualTo(500);
    }

    @Test
    void shouldFallBackToTheCommittedHeapWhenNoMaximumIsDefined() {
        assertThat(HeapPressure.percent(300, -1, 400)).isEqualTo(75.0);
        assertThat(HeapPressure.limitBytes(-1, 400)).isEqualTo(400);
    }

    @Test
    void shouldReportNoPressureWhenNothingIsKnown() {
        assertThat(HeapPressure.percent(300, -1, 0)).isZero();
    }
}
