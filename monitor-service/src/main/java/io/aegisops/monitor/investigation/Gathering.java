package io.aegisops.monitor.investigation;

import com.github.dockerjava.api.exception.NotFoundException;
import io.aegisops.contract.ToolCall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
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

    private final ExecutorService executor;
    private final long deadlineNanos;
    private final List<ToolCall> calls = new ArrayList<>();

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
        long started = System.nanoTime();
        return new Pending<>(tool, argument, started, executor.submit(read::get));
    }

    /** Records a call that was decided without a read (e.g. an unusable health URL). */
    void record(ToolCall call) {
        calls.add(call);
    }

    List<ToolCall> calls() {
        return List.copyOf(calls);
    }

    /** A read in flight. */
    final class Pending<T> {
        private final String tool;
        private final String argument;
        private final long started;
        private final Future<T> future;

        private Pending(String tool, String argument, long started, Future<T> future) {
            this.tool = tool;
            this.argument = argument;
            this.started = started;
            this.future = future;
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
            calls.add(new ToolCall(tool, argument, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    outcome));
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
