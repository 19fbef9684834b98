package io.aegisops.buggy.watch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.aegisops.buggy.support.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;

class SyntheticProbeTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger runs = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopExecutor() {
        release.countDown();
        executor.shutdownNow();
    }

    private void blockingWorkload() {
        runs.incrementAndGet();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldStartOneProbeAndSkipTicksWhileItRuns() {
        SyntheticProbe probe = new SyntheticProbe(executor, this::blockingWorkload, clock::get);

        assertThat(probe.tick()).isZero();
        clock.set(TimeUnit.MILLISECONDS.toNanos(1500));
        long inFlight = probe.tick();
        clock.set(TimeUnit.MILLISECONDS.toNanos(2500));
        long later = probe.tick();

        assertThat(inFlight).isEqualTo(1500);
        assertThat(later).isEqualTo(2500);
        assertThat(probe.started()).isEqualTo(1);
        assertThat(probe.skipped()).isEqualTo(2);
        within(Duration.ofSeconds(30), () -> assertThat(runs).hasValue(1));
        assertThat(probe.inFlight()).isTrue();
    }

    @Test
    void shouldStartTheNextProbeOnceThePreviousOneFinished() {
        SyntheticProbe probe = new SyntheticProbe(executor, this::blockingWorkload, clock::get);
        probe.tick();
        release.countDown();
        within(Duration.ofSeconds(30), () -> assertThat(probe.inFlight()).isFalse());

        assertThat(probe.tick()).isZero();

        assertThat(probe.started()).isEqualTo(2);
        assertThat(probe.skipped()).isZero();
    }

    @Test
    void shouldNotStayStuckWhenTheExecutorRefusesTheProbe() {
        SyntheticProbe probe = new SyntheticProbe(task -> {
            throw new RejectedExecutionException("shut down");
        }, runs::incrementAndGet, clock::get);

        probe.tick();

        assertThat(probe.inFlight()).isFalse();
        assertThat(runs).hasValue(0);
    }
}
