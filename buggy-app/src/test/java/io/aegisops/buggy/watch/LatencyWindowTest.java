package io.aegisops.buggy.watch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyWindowTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    @Test
    void shouldTakeTheNearestRankAsP95() {
        LatencyWindow window = new LatencyWindow(60 * SECOND, 1000);
        for (int ms = 100; ms >= 1; ms--) {
            window.record(0, ms * MS);
        }

        LatencyWindow.Stats stats = window.stats(0);

        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.p95Ms()).isEqualTo(95.0);
        assertThat(stats.maxMs()).isEqualTo(100.0);
    }

    @Test
    void shouldLetOneSlowRunInTwentyDecideTheP95() {
        LatencyWindow window = new LatencyWindow(60 * SECOND, 1000);
        for (int i = 0; i < 19; i++) {
            window.record(0, 5 * MS);
        }
        assertThat(window.stats(0).p95Ms()).isEqualTo(5.0);

        window.record(0, 2000 * MS);
        window.record(0, 2000 * MS);

        assertThat(window.stats(0).p95Ms()).isEqualTo(2000.0);
    }

    @Test
    void shouldForgetRunsOlderThanTheWindow() {
        LatencyWindow window = new LatencyWindow(10 * SECOND, 1000);
        window.record(0, 5000 * MS);
        window.record(8 * SECOND, 20 * MS);

        assertThat(window.stats(9 * SECOND).p95Ms()).isEqualTo(5000.0);
        LatencyWindow.Stats later = window.stats(11 * SECOND);
        assertThat(later.count()).isEqualTo(1);
        assertThat(later.p95Ms()).isEqualTo(20.0);
        assertThat(window.stats(30 * SECOND)).isEqualTo(LatencyWindow.Stats.EMPTY);
    }

    @Test
    void shouldKeepOnlyTheNewestRunsWhenFull() {
        LatencyWindow window = new LatencyWindow(60 * SECOND, 3);
        window.record(0, 900 * MS);
        window.record(0, 1 * MS);
        window.record(0, 2 * MS);
        window.record(0, 3 * MS);

        LatencyWindow.Stats stats = window.stats(0);

        assertThat(stats.count()).isEqualTo(3);
        assertThat(stats.maxMs()).isEqualTo(3.0);
    }

    @Test
    void shouldComputePercentilesOfTinyWindows() {
        assertThat(LatencyWindow.percentile(new long[]{7}, 95)).isEqualTo(7);
        assertThat(LatencyWindow.percentile(new long[]{1, 2}, 95)).isEqualTo(2);
        assertThat(LatencyWindow.percentile(new long[]{1, 2}, 50)).isEqualTo(1);
        assertThatThrownBy(() -> LatencyWindow.percentile(new long[0], 95))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
