package io.aegisops.monitor.investigation;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Statistics;
import io.aegisops.monitor.docker.ReadCallback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Takes the first frames of a container's stats stream and closes it. Exists because {@code stream=false} waits for
 * a second sample to prime the CPU figures: the stream's first frame is the engine's next sample (enough for memory),
 * the second about a second later (needed for CPU), so a memory or crash investigation never waits for a CPU sample
 * it does not need.
 *
 * <p>The engine's {@code one-shot=true} (API 1.41) would do no better: docker-java 3.7.1's {@code StatsCmd} cannot
 * send it (only {@code stream=0}), and Engine 20.10 answers it, like the stream's first frame, at the stats
 * collector's next tick, which comes at once on an idle engine and up to a second later when another reader keeps
 * the collector's one-second cycle going (measured on 20.10.24: 35-100 ms idle, 100-900 ms busy, for both).
 */
final class StatsSampler {

    private StatsSampler() {
    }

    /**
     * Up to {@code frames} frames, oldest first; fewer when the budget ran out after the first.
     *
     * @throws IllegalStateException (wrapping a {@link TimeoutException}) when not even one frame came in time
     */
    static List<Statistics> sample(DockerClient docker, String containerId, int frames, Duration budget) {
        Frames callback = new Frames(frames);
        try {
            docker.statsCmd(containerId).exec(callback);
            callback.await(budget);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            callback.close();
        }
        Throwable error = callback.error();
        if (error != null && callback.frames().isEmpty()) {
            throw error instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(error.getMessage(), error);
        }
        if (callback.frames().isEmpty()) {
            throw new IllegalStateException(new TimeoutException("no stats frame within " + budget.toMillis() + " ms"));
        }
        return callback.frames();
    }

    /** Collects the first frames and releases the reader once it has enough. */
    private static final class Frames extends ReadCallback<Statistics> {
        private final int wanted;
        private final List<Statistics> received = new ArrayList<>();

        Frames(int wanted) {
            this.wanted = wanted;
        }

        @Override
        public synchronized void onNext(Statistics frame) {
            if (received.size() < wanted) {
                received.add(frame);
            }
            if (received.size() >= wanted) {
                enough();
            }
        }

        synchronized List<Statistics> frames() {
            return List.copyOf(received);
        }
    }
}
