package io.aegisops.buggy.fault;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes the injected faults as gauges, so a Prometheus/Grafana view can show the cause next to the symptom
 * (heap, CPU, latency) that the platform reacts to.
 */
@Startup
@ApplicationScoped
public class FaultMetrics {

    public FaultMetrics(MeterRegistry registry, MemoryFault memory, CpuFault cpu, LatencyFault latency) {
        Gauge.builder("buggy.faults.memory.retained.mb", memory, MemoryFault::retainedMb)
                .description("Heap retained by the memory fault, in MB").strongReference(true).register(registry);
        Gauge.builder("buggy.faults.cpu.threads", cpu, CpuFault::threads)
                .description("Busy threads started by the CPU fault").strongReference(true).register(registry);
        Gauge.builder("buggy.faults.latency.ms", latency, LatencyFault::delayMs)
                .description("Delay the latency fault adds to each /work, in ms").strongReference(true)
                .register(registry);
    }
}
