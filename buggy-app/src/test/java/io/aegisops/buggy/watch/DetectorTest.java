package io.aegisops.buggy.watch;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectorTest {

    private static final Thresholds THRESHOLDS = new Thresholds(90, 97, 90, 3, 6, 1000, 5000);

    private static Sample heap(double percent) {
        return new Sample(Instant.EPOCH, percent * 10, 1000, percent, 1.0, 2, 10, 5, 8, 0);
    }

    private static Sample cpu(Double percent) {
        return new Sample(Instant.EPOCH, 100, 1000, 10, percent, 2, 10, 5, 8, 0);
    }

    private static Sample latency(double p95, int samples, long inFlight) {
        return new Sample(Instant.EPOCH, 100, 1000, 10, 1.0, 2, samples, p95, p95, inFlight);
    }

    private static List<AlertType> types(List<Breach> breaches) {
        return breaches.stream().map(Breach::type).toList();
    }

    @Test
    void shouldFindNothingInAHealthySample() {
        assertThat(new Detector(THRESHOLDS).evaluate(heap(50))).isEmpty();
    }

    @Test
    void shouldReportMemoryPressureFromTheHeapRatio() {
        Detector detector = new Detector(THRESHOLDS);

        assertThat(detector.evaluate(heap(89.9))).isEmpty();
        Breach warning = detector.evaluate(heap(90)).get(0);
        Breach critical = detector.evaluate(heap(97.5)).get(0);

        assertThat(warning.type()).isEqualTo(AlertType.MEMORY_PRESSURE);
        assertThat(warning.severity()).isEqualTo(Severity.WARNING);
        assertThat(critical.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(critical.metrics()).containsEntry("heapUsedPercent", 97.5)
                .containsEntry("heapThresholdPercent", 90.0)
                .containsEntry("heapMaxMb", 1000.0);
        assertThat(critical.summary()).contains("97.5%").contains("threshold 90%");
    }

    @Test
    void shouldReportCpuSaturationOnlyAfterEnoughConsecutiveSamples() {
        Detector detector = new Detector(THRESHOLDS);

        assertThat(detector.evaluate(cpu(95.0))).isEmpty();
        assertThat(detector.evaluate(cpu(99.0))).isEmpty();
        List<Breach> third = detector.evaluate(cpu(90.0));

        assertThat(types(third)).containsExactly(AlertType.CPU_SATURATION);
        assertThat(third.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(third.get(0).metrics()).containsEntry("consecutiveSamples", 3)
                .containsEntry("cpuThresholdPercent", 90.0);
    }

    @Test
    void shouldStartCountingAgainAfterOneCalmSample() {
        Detector detector = new Detector(THRESHOLDS);
        detector.evaluate(cpu(95.0));
        detector.evaluate(cpu(95.0));

        assertThat(detector.evaluate(cpu(40.0))).isEmpty();
        assertThat(detector.evaluate(cpu(95.0))).isEmpty();
        assertThat(detector.evaluate(cpu(95.0))).isEmpty();
        assertThat(detector.saturatedRun()).isEqualTo(2);
    }

    @Test
    void shouldNotCountAnUnmeasuredSampleAsSaturated() {
        Detector detector = new Detector(THRESHOLDS);
        detector.evaluate(cpu(95.0));
        detector.evaluate(cpu(95.0));

        assertThat(detector.evaluate(cpu(null))).isEmpty();
        assertThat(detector.saturatedRun()).isZero();
    }

    @Test
    void shouldEscalateLongSaturationToCritical() {
        Detector detector = new Detector(THRESHOLDS);
        Breach last = null;
        for (int i = 0; i < 6; i++) {
            List<Breach> breaches = detector.evaluate(cpu(100.0));
            last = breaches.isEmpty() ? null : breaches.get(0);
        }
        assertThat(last).isNotNull();
        assertThat(last.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void shouldReportLatencyWhenTheP95PassesTheThreshold() {
        Detector detector = new Detector(THRESHOLDS);

        assertThat(detector.evaluate(latency(999, 20, 0))).isEmpty();
        Breach breach = detector.evaluate(latency(1200, 20, 0)).get(0);

        assertThat(breach.type()).isEqualTo(AlertType.LATENCY);
        assertThat(breach.severity()).isEqualTo(Severity.WARNING);
        assertThat(breach.metrics()).containsEntry("p95Ms", 1200.0).containsEntry("latencyThresholdMs", 1000L);
        assertThat(breach.summary()).contains("p95 1200 ms");
    }

    @Test
    void shouldCountAProbeStillRunningPastTheThresholdAsSlow() {
        Detector detector = new Detector(THRESHOLDS);

        assertThat(detector.evaluate(latency(3, 30, 900))).isEmpty();
        Breach breach = detector.evaluate(latency(3, 30, 6000)).get(0);

        assertThat(breach.type()).isEqualTo(AlertType.LATENCY);
        assertThat(breach.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(breach.metrics()).containsEntry("probeInFlightMs", 6000L);
        assertThat(breach.summary()).contains("probe has been running for 6000 ms");
    }

    @Test
    void shouldIgnoreTheP95OfAnEmptyWindow() {
        assertThat(new Detector(THRESHOLDS).evaluate(latency(5000, 0, 0))).isEmpty();
    }

    @Test
    void shouldRefuseCriticalLevelsBelowTheirThresholds() {
        assertThatThrownBy(() -> new Thresholds(90, 80, 90, 3, 6, 1000, 5000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(90, 97, 90, 3, 2, 1000, 5000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(90, 97, 90, 3, 6, 1000, 999))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
