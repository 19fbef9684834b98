package io.aegisops.monitor.investigation;

import com.github.dockerjava.api.exception.NotFoundException;
import io.aegisops.contract.ToolCall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reads of one investigation, run in parallel under one deadline. Exists so that no read can lose the
 * investigation: a failure (engine down, container removed) or a read still running at the deadline becomes a
 * {@link ToolCall} outcome, and the investigation completes with whatever the other reads found.
 */
final class Gathering {

    /** Appended to the outcome of a read started before the list answered (see {@link Pending#readAhead()}). */
    static final String READ_AHEAD = " (read ahead of the list)";

    private final ExecutorService executor;
    private final long deadlineNanos;
    private final List<ToolCall> calls = new ArrayList<>();
    /** Notified whenever a read ends, so {@link #awaitAny} wakes for whichever answers first. */
    private final Object arrivals = new Object();

    Gathering(ExecutorService executor, Duration budget) {
        this.executor = executor;
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    /** Time left before the deadline, never negative. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** Starts a read; its call is recorded when {@link Pending#await()} is called, in that order. */
    <T> Pending<T> submit(String tool, String argument, Supplier<T> read) {
        Pending<T> pending = new Pending<>(tool, argument, read);
        executor.execute(pending.future);
        return pending;
    }

    /**
     * Waits until one of {@code reads} has ended (answered or failed), or the deadline passed.
     *
     * @return false when none ended before the deadline (or the wait was interrupted)
     */
    boolean awaitAny(List<? extends Pending<?>> reads) {
        synchronized (arrivals) {
            while (reads.stream().noneMatch(Pending::isDone)) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(arrivals, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private void arrived() {
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
    }

    /** Records a call that was decided without a read (e.g. an unusable health URL). */
    void record(ToolCall call) {
        calls.add(call);
    }

    List<ToolCall> calls() {
        return List.copyOf(calls);
    }

    /**
     * A read in flight. Its call's duration runs to when the read ended, not to when its answer was taken, so a read
     * taken after a slower one still reports its own time.
     */
    final class Pending<T> {
        private final String tool;
        private final String argument;
        private final long started = System.nanoTime();
        private final FutureTask<T> future;
        /** {@link System#nanoTime()} when the read ended (answered, failed or was cancelled); 0 while it runs. */
        private volatile long ended;
        /** Set for a read started on a remembered container before the list answered; said in its outcome. */
        private volatile boolean readAhead;

        private Pending(String tool, String argument, Supplier<T> read) {
            this.tool = tool;
            this.argument = argument;
            this.future = new FutureTask<>(read::get) {
                @Override
                protected void done() {
                    ended = System.nanoTime();
                    arrived();
                }
            };
        }

        /** Marks a read started before the list confirmed its container, so its call says so. */
        Pending<T> readAhead() {
            readAhead = true;
            return this;
        }

        /** True once the read has ended, whatever its outcome. */
        boolean isDone() {
            return future.isDone();
        }

        /** The answer of a read that has ended well, without recording its call; empty otherwise. */
        Optional<T> peek() {
            if (!future.isDone() || future.isCancelled()) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(future.get());
            } catch (ExecutionException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                // Not reached: get() on an ended task does not wait.
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        /** The result, or empty with the reason recorded as the call's outcome. */
        Optional<T> await() {
            return await("ok");
        }

        /** As {@link #await()}, recording {@code outcome} when the read succeeded. */
        Optional<T> await(String outcome) {
            return await(value -> outcome);
        }

        /** As {@link #await()}, recording what {@code outcome} says of the result when the read succeeded. */
        Optional<T> await(Function<? super T, String> outcome) {
            try {
                T value = future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                finish(outcome.apply(value));
                return Optional.ofNullable(value);
            } catch (TimeoutException e) {
                future.cancel(true);
                finish("no answer before the investigation's deadline");
            } catch (ExecutionException e) {
                finish(describe(e.getCause()));
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                finish("interrupted");
            }
            return Optional.empty();
        }

        /** Gives up on a read whose answer is no longer needed, recording why. */
        void abandon(String outcome) {
            future.cancel(true);
            finish(outcome);
        }

        private void finish(String outcome) {
            long end = ended == 0 ? System.nanoTime() : ended;
            calls.add(new ToolCall(tool, argument, TimeUnit.NANOSECONDS.toMillis(end - started),
                    readAhead ? outcome + READ_AHEAD : outcome));
        }
    }

    /** A short phrase for a failed read: the first line of the engine's message, never a stack trace. */
    static String describe(Throwable error) {
        if (error instanceof NotFoundException) {
            return "no such container (removed)";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().trim();
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return "failed: " + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }
}
