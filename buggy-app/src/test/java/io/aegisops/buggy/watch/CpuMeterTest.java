package io.aegisops.buggy.watch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpuMeterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldHaveNothingToSayAfterTheFirstSample() {
        assertThat(new CpuMeter(2).sample(5 * SECOND, 100 * SECOND)).isEmpty();
    }

    @Test
    void shouldDivideCpuTimeByWallTimeAndProcessors() {
        CpuMeter meter = new CpuMeter(4);
        meter.sample(10 * SECOND, 100 * SECOND);

        // 3 CPU-seconds in 1 wall-second on 4 processors.
        assertThat(meter.sample(13 * SECOND, 101 * SECOND).getAsDouble()).isCloseTo(0.75, within(1e-9));
        // Then idle for 2 seconds.
        assertThat(meter.sample(13 * SECOND, 103 * SECOND).getAsDouble()).isZero();
    }

    @Test
    void shouldNeverReportMoreThanAllProcessors() {
        CpuMeter meter = new CpuMeter(1);
        meter.sample(0, 0);

        assertThat(meter.sample(3 * SECOND, SECOND).getAsDouble()).isEqualTo(1.0);
    }

    @Test
    void shouldStartOverWhenCpuTimeIsUnavailable() {
        CpuMeter meter = new CpuMeter(2);
        meter.sample(SECOND, SECOND);

        assertThat(meter.sample(-1, 2 * SECOND)).isEmpty();
        assertThat(meter.sample(2 * SECOND, 3 * SECOND)).isEmpty();
        assertThat(meter.sample(3 * SECOND, 4 * SECOND).getAsDouble()).isCloseTo(0.5, within(1e-9));
    }
}
