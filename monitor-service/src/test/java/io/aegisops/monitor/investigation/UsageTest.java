package io.aegisops.monitor.investigation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Statistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The stats arithmetic on frames as the engine sends them (JSON, read by docker-java's own model). */
class UsageTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static Statistics frame(String json) throws Exception {
        return JSON.readValue(json, Statistics.class);
    }

    private static Statistics cpu(long total, long system, int online) throws Exception {
        return frame("""
                {"cpu_stats":{"cpu_usage":{"total_usage":%d},"system_cpu_usage":%d,"online_cpus":%d}}"""
                .formatted(total, system, online));
    }

    @Test
    void shouldLeaveReclaimablePageCacheOutOfMemoryInUse() throws Exception {
        Statistics cgroupV2 = frame("""
                {"memory_stats":{"usage":600,"limit":1000,"stats":{"inactive_file":200,"cache":500}}}""");
        Statistics oldEngine = frame("""
                {"memory_stats":{"usage":600,"limit":1000,"stats":{"cache":500}}}""");

        assertThat(Usage.memoryPercent(cgroupV2)).hasValue(40.0);
        assertThat(Usage.memoryPercent(oldEngine)).hasValue(10.0);
    }

    @Test
    void shouldHaveNoMemoryReadingWithoutALimit() throws Exception {
        assertThat(Usage.memoryPercent(frame("{\"memory_stats\":{\"usage\":600}}"))).isEmpty();
    }

    @Test
    void shouldMeasureCpuAgainstTheContainersOwnAllowance() throws Exception {
        // Half of one of four CPUs between the two frames.
        Statistics first = cpu(1_000, 10_000, 4);
        Statistics second = cpu(1_500, 14_000, 4);

        assertThat(Usage.cpuPercent(first, second, new HostConfig()).getAsDouble()).isCloseTo(12.5, within(0.01));
        assertThat(Usage.cpuPercent(first, second, new HostConfig().withNanoCPUs(500_000_000L)).getAsDouble())
                .isCloseTo(100.0, within(0.01));
        assertThat(Usage.cpuPercent(first, second, new HostConfig().withCpuQuota(100_000L).withCpuPeriod(100_000L))
                .getAsDouble()).isCloseTo(50.0, within(0.01));
    }

    @Test
    void shouldHaveNoCpuReadingWhenTheSystemCounterDidNotMove() throws Exception {
        assertThat(Usage.cpuPercent(cpu(1_000, 10_000, 4), cpu(1_500, 10_000, 4), null)).isEmpty();
    }
}
