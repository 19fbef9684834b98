package io.aegisops.buggy.watch;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges samples against the {@link Thresholds}. No I/O and no clock, so every rule is unit-tested; the only
 * state is the run of consecutive saturated CPU samples, because one busy second (a GC, a JIT burst) is not
 * saturation.
 */
public final class Detector {

    private final Thresholds thresholds;
    private int saturatedRun;

    public Detector(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** Judges the next sample; samples must be passed in the order they were taken. */
    public synchronized List<Breach> evaluate(Sample sample) {
        List<Breach> breaches = new ArrayList<>(3);
        heap(sample, breaches);
        cpu(sample, breaches);
        latency(sample, breaches);
        return List.copyOf(breaches);
    }

    /** Saturated samples in a row so far, including the last one evaluated. */
    public synchronized int saturatedRun() {
        return saturatedRun;
    }

    private void heap(Sample s, List<Breach> out) {
        if (s.heapUsedPercent() < thresholds.heapPercent()) {
            return;
        }
        Severity severity = s.heapUsedPercent() >= thresholds.heapCriticalPercent() ? Severity.CRITICAL
                : Severity.WARNING;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("heapUsedMb", round(s.heapUsedMb()));
        metrics.put("heapMaxMb", round(s.heapMaxMb()));
        metrics.put("heapUsedPercent", round(s.heapUsedPercent()));
        metrics.put("heapThresholdPercent", thresholds.heapPercent());
        metrics.put("heapCriticalPercent", thresholds.heapCriticalPercent());
        out.add(new Breach(AlertType.MEMORY_PRESSURE, severity, String.format(Locale.ROOT,
                "heap %.1f%% used (%.0f of %.0f MB), threshold %s%%", s.heapUsedPercent(), s.heapUsedMb(),
                s.heapMaxMb(), plain(thresholds.heapPercent())), metrics));
    }

    private void cpu(Sample s, List<Breach> out) {
        boolean saturated = s.cpuPercent() != null && s.cpuPercent() >= thresholds.cpuPercent();
        saturatedRun = saturated ? saturatedRun + 1 : 0;
        if (saturatedRun < thresholds.cpuSamples()) {
            return;
        }
        Severity severity = saturatedRun >= thresholds.cpuCriticalSamples() ? Severity.CRITICAL : Severity.WARNING;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("cpuPercent", round(s.cpuPercent()));
        metrics.put("processors", s.processors());
        metrics.put("consecutiveSamples", saturatedRun);
        metrics.put("cpuThresholdPercent", thresholds.cpuPercent());
        metrics.put("requiredSamples", thresholds.cpuSamples());
        metrics.put("criticalSamples", thresholds.cpuCriticalSamples());
        out.add(new Breach(AlertType.CPU_SATURATION, severity, String.format(Locale.ROOT,
                "process CPU %.1f%% of %d processors for %d samples in a row, threshold %s%% for %d",
                s.cpuPercent(), s.processors(), saturatedRun, plain(thresholds.cpuPercent()),
                thresholds.cpuSamples()), metrics));
    }

    private void latency(Sample s, List<Breach> out) {
        double latency = s.effectiveLatencyMs();
        if (latency < thresholds.latencyMs()) {
            return;
        }
        Severity severity = latency >= thresholds.latencyCriticalMs() ? Severity.CRITICAL : Severity.WARNING;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("p95Ms", round(s.workP95Ms()));
        metrics.put("maxMs", round(s.workMaxMs()));
        metrics.put("samples", s.workSamples());
        metrics.put("probeInFlightMs", s.probeInFlightMs());
        metrics.put("latencyThresholdMs", thresholds.latencyMs());
        metrics.put("latencyCriticalMs", thresholds.latencyCriticalMs());
        String what = s.probeInFlightMs() >= thresholds.latencyMs() && s.probeInFlightMs() >= s.workP95Ms()
                ? String.format(Locale.ROOT, "a /work probe has been running for %d ms", s.probeInFlightMs())
                : String.format(Locale.ROOT, "/work p95 %.0f ms over %d runs", s.workP95Ms(), s.workSamples());
        out.add(new Breach(AlertType.LATENCY, severity,
                what + ", threshold " + thresholds.latencyMs() + " ms", metrics));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
