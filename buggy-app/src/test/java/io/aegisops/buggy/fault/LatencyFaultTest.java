package io.aegisops.buggy.fault;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.aegisops.buggy.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyFaultTest {

    private final LatencyFault fault = new LatencyFault();

    @AfterEach
    void clear() {
        fault.clear();
    }

    @Test
    void shouldNotDelayQueriesWithoutAFault() throws Exception {
        assertThat(fault.query()).isZero();
        assertThat(fault.since()).isNull();
    }

    @Test
    void shouldHoldTheRowLockForTheInjectedDelay() throws Exception {
        fault.inject(120);

        assertThat(fault.query()).isGreaterThanOrEqualTo(120);
        assertThat(fault.delayMs()).isEqualTo(120);
        assertThat(fault.since()).isNotNull();
    }

    @Test
    void shouldMakeConcurrentQueriesQueueForTheLock() throws Exception {
        fault.inject(150);
        long start = System.nanoTime();

        CompletableFuture<Long> first = CompletableFuture.supplyAsync(this::queryUnchecked);
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(this::queryUnchecked);
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);

        // Run side by side yet done one after the other: two holds of 150 ms take at least 300 ms together.
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(300);
    }

    @Test
    void shouldReleaseAHolderAtOnceOnClear() throws Exception {
        fault.inject(LatencyFault.MAX_MS);
        CompletableFuture<Long> stuck = CompletableFuture.supplyAsync(this::queryUnchecked);
        within(Duration.ofSeconds(30), () -> assertThat(fault.rowLockHeld()).isTrue());

        fault.clear();

        // Far below the minute the lock would otherwise be held.
        assertThat(stuck.get(10, TimeUnit.SECONDS)).isLessThan(LatencyFault.MAX_MS);
        assertThat(fault.delayMs()).isZero();
    }

    @Test
    void shouldRefuseDelaysOutsideItsRange() {
        assertThatThrownBy(() -> fault.inject(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fault.inject(60_001)).isInstanceOf(IllegalArgumentException.class);
    }

    private long queryUnchecked() {
        try {
            return fault.query();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
