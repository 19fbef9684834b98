package io.aegisops.diagnosis.runbook;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up thread both indexers run on: off the caller's thread, a daemon, interrupted at shutdown. */
class StartupWorkerTest {

    private final StartupWorker worker = new StartupWorker("test-indexer", Logger.getLogger(StartupWorkerTest.class),
            "the test job failed");

    @Test
    void shouldRunTheJobOnADaemonThreadOfItsOwnName() throws Exception {
        CompletableFuture<Thread> ran = new CompletableFuture<>();

        worker.start(() -> ran.complete(Thread.currentThread()));

        Thread thread = ran.get(10, TimeUnit.SECONDS);
        assertThat(thread).isNotSameAs(Thread.currentThread());
        assertThat(thread.getName()).isEqualTo("test-indexer");
        assertThat(thread.isDaemon()).isTrue();
    }

    @Test
    void shouldInterruptTheJobAtStop() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        worker.start(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
                interrupted.complete(false);
            } catch (InterruptedException e) {
                interrupted.complete(true);
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        worker.stop();

        assertThat(interrupted.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void shouldKeepAFailingJobFromEscapingItsThread() throws Exception {
        CompletableFuture<Throwable> escaped = new CompletableFuture<>();
        CompletableFuture<Thread> ran = new CompletableFuture<>();
        worker.start(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> escaped.complete(e));
            ran.complete(Thread.currentThread());
            throw new IllegalStateException("the model is gone");
        });
        Thread thread = ran.get(10, TimeUnit.SECONDS);
        thread.join(10_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(escaped).as("an exception the thread did not catch").isNotDone();
    }

    @Test
    void shouldStopQuietlyWhenNeverStarted() {
        worker.stop();
    }
}
