package io.aegisops.buggy.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test profiles. Each starts its own app, so each holds only what its tests need; all share fast ticks and a heap
 * threshold so small that memory pressure is "detected" at once, without filling the test JVM's heap.
 */
public final class Profiles {

    private Profiles() {
    }

    static Map<String, String> heapAlwaysOverThreshold() {
        Map<String, String> config = new HashMap<>();
        config.put("buggy.watch.sample-interval", "100ms");
        config.put("buggy.watch.heap-threshold-percent", "0.01");
        config.put("buggy.service-name", "buggy-under-test");
        config.put("buggy.alerts.backoff", "50ms");
        // Longer than any test class runs, so "one alert per type" cannot be undone by a slow, busy machine.
        config.put("buggy.alerts.cooldown", "600s");
        return config;
    }

    /**
     * A monitor stand-in that accepts every alert, sent with an intake token; a latency threshold low enough to cross
     * in a test. The app's log is captured, to show the token never reaches it.
     */
    public static class MonitorAccepts implements QuarkusTestProfile {
        public static final String INTAKE_TOKEN = "aeg_intake-token-under-test-0123456789abcdefghijk";

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = heapAlwaysOverThreshold();
            config.put("buggy.watch.latency-threshold-ms", "300");
            config.put("buggy.watch.latency-critical-ms", "60000");
            config.put("buggy.monitor-token", INTAKE_TOKEN);
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MonitorStandInResource.class, Map.of("status", "202")),
                    new TestResourceEntry(LogCaptureResource.class));
        }
    }

    /**
     * CPU saturation against a stand-in monitor. The test machine is shared, so busy threads cannot be relied on
     * to get 90% of it: the threshold is low, and the cooldown short so that a burst of test-JVM activity before
     * the fault is injected cannot hide the alert the test waits for.
     */
    public static class CpuSaturation implements QuarkusTestProfile {
        public static final int THRESHOLD_PERCENT = 15;
        public static final int SAMPLES = 5;

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "buggy.watch.sample-interval", "100ms",
                    "buggy.watch.cpu-threshold-percent", Integer.toString(THRESHOLD_PERCENT),
                    "buggy.watch.cpu-consecutive-samples", Integer.toString(SAMPLES),
                    "buggy.alerts.cooldown", "1s",
                    "buggy.service-name", "buggy-under-test");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MonitorStandInResource.class, Map.of("status", "202")));
        }
    }

    /** A monitor stand-in that answers 500 to everything; no intake token, and the app's log captured. */
    public static class MonitorFails implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return heapAlwaysOverThreshold();
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(MonitorStandInResource.class, Map.of("status", "500")),
                    new TestResourceEntry(LogCaptureResource.class));
        }
    }

    /** A monitor URL where nothing listens: connections are refused. */
    public static class MonitorDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = heapAlwaysOverThreshold();
            config.put("buggy.monitor-url", "http://127.0.0.1:" + closedPort());
            return config;
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The broken release: exits right after every start. */
    public static class CrashOnStart implements QuarkusTestProfile {
        public static final int EXIT_CODE = 3;

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("buggy.crash-on-start", Integer.toString(EXIT_CODE));
        }
    }
}
