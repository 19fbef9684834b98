package io.aegisops.buggy.fault;

import java.time.Instant;

/**
 * What is wrong with the app right now, as {@code GET /faults} shows it. A fault that is off has its value at
 * zero and no {@code since}.
 */
public record ActiveFaults(Memory memory, Cpu cpu, Latency latency) {

    public record Memory(boolean active, int retainedMb, Instant since) {
    }

    public record Cpu(boolean active, int threads, Instant since) {
    }

    public record Latency(boolean active, long delayMs, Instant since) {
    }

    public boolean any() {
        return memory.active || cpu.active || latency.active;
    }
}
