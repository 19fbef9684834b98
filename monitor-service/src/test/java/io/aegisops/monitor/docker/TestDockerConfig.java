package io.aegisops.monitor.docker;

import java.time.Duration;

/** A {@link DockerConfig} built in code, so tests construct the components without booting Quarkus. */
record TestDockerConfig(boolean enabled, String host, Duration healthInterval, int healthFailures,
                        Duration healthStartPeriod, Duration healthTimeout, int logTail, Duration killWindow,
                        Duration backoffMin, Duration backoffMax, Duration requestTimeout,
                        Duration catchUpMax) implements DockerConfig {

    /** The production defaults, talking to the engine the test JVM sees. */
    static TestDockerConfig defaults() {
        return new TestDockerConfig(true, DockerTestEngine.host(), Duration.ofSeconds(2), 3, Duration.ofSeconds(60),
                Duration.ofSeconds(1), 20,
                Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofHours(24));
    }

    TestDockerConfig withEnabled(boolean value) {
        return new TestDockerConfig(value, host, healthInterval, healthFailures, healthStartPeriod, healthTimeout, logTail, killWindow,
                backoffMin, backoffMax, requestTimeout, catchUpMax);
    }

    TestDockerConfig withHost(String value) {
        return new TestDockerConfig(enabled, value, healthInterval, healthFailures, healthStartPeriod, healthTimeout, logTail, killWindow,
                backoffMin, backoffMax, requestTimeout, catchUpMax);
    }

    TestDockerConfig withHealth(Duration interval, int failures, Duration timeout) {
        return new TestDockerConfig(enabled, host, interval, failures, healthStartPeriod, timeout, logTail, killWindow,
                backoffMin, backoffMax, requestTimeout, catchUpMax);
    }

    TestDockerConfig withStartPeriod(Duration value) {
        return new TestDockerConfig(enabled, host, healthInterval, healthFailures, value, healthTimeout, logTail,
                killWindow, backoffMin, backoffMax, requestTimeout, catchUpMax);
    }

    TestDockerConfig withKillWindow(Duration value) {
        return new TestDockerConfig(enabled, host, healthInterval, healthFailures, healthStartPeriod, healthTimeout, logTail, value,
                backoffMin, backoffMax, requestTimeout, catchUpMax);
    }

    TestDockerConfig withBackoff(Duration min, Duration max) {
        return new TestDockerConfig(enabled, host, healthInterval, healthFailures, healthStartPeriod, healthTimeout, logTail, killWindow,
                min, max, requestTimeout, catchUpMax);
    }

    TestDockerConfig withCatchUpMax(Duration value) {
        return new TestDockerConfig(enabled, host, healthInterval, healthFailures, healthStartPeriod, healthTimeout,
                logTail, killWindow, backoffMin, backoffMax, requestTimeout, value);
    }

    @Override
    public ReconnectBackoff reconnectBackoff() {
        return new ReconnectBackoff() {
            @Override
            public Duration min() {
                return backoffMin;
            }

            @Override
            public Duration max() {
                return backoffMax;
            }
        };
    }
}
