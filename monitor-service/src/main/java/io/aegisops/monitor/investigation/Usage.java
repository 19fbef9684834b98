package io.aegisops.monitor.investigation;

import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.StatsConfig;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Resource use from the engine's stats, computed as {@code docker stats} does. Exists so the arithmetic (page cache
 * is not pressure; CPU is measured against the container's own allowance) lives apart from the reads.
 */
final class Usage {

    private static final double NANOS_PER_CPU = 1e9;

    private Usage() {
    }

    /** Memory in use without reclaimable page cache, in percent of the limit; empty without a usable reading. */
    static OptionalDouble memoryPercent(Statistics frame) {
        MemoryStatsConfig memory = frame.getMemoryStats();
        if (memory == null || memory.getUsage() == null || memory.getLimit() == null || memory.getLimit() <= 0) {
            return OptionalDouble.empty();
        }
        long cache = Optional.ofNullable(memory.getStats()).map(Usage::pageCache).orElse(0L);
        long used = Math.max(0, memory.getUsage() - cache);
        return OptionalDouble.of(100.0 * used / memory.getLimit());
    }

    /** cgroup v2 reports inactive_file, v1 total_inactive_file; older engines only cache. */
    private static Long pageCache(StatsConfig stats) {
        if (stats.getInactiveFile() != null) {
            return stats.getInactiveFile();
        }
        if (stats.getTotalInactiveFile() != null) {
            return stats.getTotalInactiveFile();
        }
        return stats.getCache() == null ? 0L : stats.getCache();
    }

    /**
     * CPU between two frames in percent of the container's allowance (100 = all the CPU it may use), or empty when
     * the frames do not allow it.
     */
    static OptionalDouble cpuPercent(Statistics first, Statistics second, HostConfig host) {
        CpuStatsConfig before = first.getCpuStats();
        CpuStatsConfig after = second.getCpuStats();
        if (before == null || after == null || before.getCpuUsage() == null || after.getCpuUsage() == null
                || before.getCpuUsage().getTotalUsage() == null || after.getCpuUsage().getTotalUsage() == null
                || before.getSystemCpuUsage() == null || after.getSystemCpuUsage() == null) {
            return OptionalDouble.empty();
        }
        long cpuDelta = after.getCpuUsage().getTotalUsage() - before.getCpuUsage().getTotalUsage();
        long systemDelta = after.getSystemCpuUsage() - before.getSystemCpuUsage();
        if (systemDelta <= 0 || cpuDelta < 0) {
            return OptionalDouble.empty();
        }
        double online = onlineCpus(after);
        double ofOneCpu = (double) cpuDelta / systemDelta * online * 100.0;
        return OptionalDouble.of(ofOneCpu / allowance(host, online));
    }

    private static double onlineCpus(CpuStatsConfig cpu) {
        if (cpu.getOnlineCpus() != null && cpu.getOnlineCpus() > 0) {
            return cpu.getOnlineCpus();
        }
        if (cpu.getCpuUsage().getPercpuUsage() != null && !cpu.getCpuUsage().getPercpuUsage().isEmpty()) {
            return cpu.getCpuUsage().getPercpuUsage().size();
        }
        return 1;
    }

    /** CPUs the container may use: {@code --cpus}, else quota over period, else every online CPU. */
    static double allowance(HostConfig host, double online) {
        if (host != null && host.getNanoCPUs() != null && host.getNanoCPUs() > 0) {
            return host.getNanoCPUs() / NANOS_PER_CPU;
        }
        if (host != null && host.getCpuQuota() != null && host.getCpuQuota() > 0
                && host.getCpuPeriod() != null && host.getCpuPeriod() > 0) {
            return (double) host.getCpuQuota() / host.getCpuPeriod();
        }
        return online;
    }
}
