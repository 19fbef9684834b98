package io.aegisops.buggy.fault;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** One place that knows every in-memory fault, so "what is active" and "clear everything" cannot miss one. */
@ApplicationScoped
public class Faults {

    private static final Logger LOG = Logger.getLogger(Faults.class);

    private final MemoryFault memory;
    private final CpuFault cpu;
    private final LatencyFault latency;

    public Faults(MemoryFault memory, CpuFault cpu, LatencyFault latency) {
        this.memory = memory;
        this.cpu = cpu;
        this.latency = latency;
    }

    public ActiveFaults active() {
        int mb = memory.retainedMb();
        int threads = cpu.threads();
        long delay = latency.delayMs();
        return new ActiveFaults(
                new ActiveFaults.Memory(mb > 0, mb, memory.since()),
                new ActiveFaults.Cpu(threads > 0, threads, cpu.since()),
                new ActiveFaults.Latency(delay > 0, delay, latency.since()));
    }

    /** Clears every fault: the in-process equivalent of the restart that would cure them. */
    public ActiveFaults reset() {
        latency.clear();
        cpu.stop();
        memory.clear();
        LOG.info("All faults reset");
        return active();
    }
}
