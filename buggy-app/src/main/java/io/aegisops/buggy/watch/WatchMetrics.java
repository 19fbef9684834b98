package io.aegisops.buggy.watch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.ToDoubleFunction;

/** Publishes what the self-watch measured, so the numbers behind an alert can be graphed and compared. */
@Startup
@ApplicationScoped
public class WatchMetrics {

    public WatchMetrics(MeterRegistry registry, SelfWatch watch) {
        gauge(registry, watch, "buggy.watch.heap.used.percent", "Heap used as a percentage of max heap",
                Sample::heapUsedPercent);
        gauge(registry, watch, "buggy.watch.cpu.percent", "Process CPU as a percentage of available processors",
                s -> s.cpuPercent() == null ? Double.NaN : s.cpuPercent());
        gauge(registry, watch, "buggy.watch.work.p95.ms", "p95 latency of /work over the window, in ms",
                Sample::workP95Ms);
        Gauge.builder("buggy.watch.breaches", watch, w -> w.breaches().size())
                .description("Thresholds crossed by the last sample").strongReference(true).register(registry);
    }

    private static void gauge(MeterRegistry registry, SelfWatch watch, String name, String description,
                              ToDoubleFunction<Sample> value) {
        Gauge.builder(name, watch, w -> {
            Sample last = w.lastSample();
            return last == null ? Double.NaN : value.applyAsDouble(last);
        }).description(description).strongReference(true).register(registry);
    }
}
