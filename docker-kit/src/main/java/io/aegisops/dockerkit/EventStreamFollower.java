package io.aegisops.dockerkit;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Follows the engine's event stream on a thread of its own and survives engine restarts: when the stream ends
 * it is re-opened with {@link Backoff}, asking the engine for everything since the point the owner gives (the
 * engine replays its recent events, so the owner must recognise the boundary events it sees twice). Nothing
 * thrown while handling one event ends the stream. Exists because monitor-service (crashes, OOM kills) and
 * remediation-service (who stopped a container) both depend on an event stream that never silently dies.
 *
 * <p>Written against the plain {@link ResultCallback} because docker-java's adapter logs every stream end at
 * ERROR, which an engine restart does not deserve.
 */
public final class EventStreamFollower {

    private static final Logger LOG = Logger.getLogger(EventStreamFollower.class);

    /** Opens one connection: the engine's events since {@code since} (Engine API format), filtered by the owner. */
    @FunctionalInterface
    public interface Opener {
        void open(String since, ResultCallback<Event> callback);
    }

    private final String what;
    private final Opener opener;
    private final Supplier<String> since;
    private final Consumer<Event> handler;
    private final Backoff backoff;
    private final AtomicLong reconnects = new AtomicLong();

    private volatile boolean running;
    private volatile boolean connected;
    private volatile String lastProblem;
    private volatile Connection current;
    private Thread supervisor;

    /**
     * @param what    what is followed, for logs and the thread name, e.g. "docker-events"
     * @param opener  opens a connection with the owner's filters
     * @param since   where the next connection starts, asked before each (re)connection
     * @param handler handles one event; called on the follower's thread, one event at a time
     * @param backoff delay between reconnection attempts
     */
    public EventStreamFollower(String what, Opener opener, Supplier<String> since, Consumer<Event> handler,
                               Backoff backoff) {
        this.what = Objects.requireNonNull(what);
        this.opener = Objects.requireNonNull(opener);
        this.since = Objects.requireNonNull(since);
        this.handler = Objects.requireNonNull(handler);
        this.backoff = Objects.requireNonNull(backoff);
    }

    /** Opens the stream on a background thread; idempotent. */
    public synchronized void start() {
        if (supervisor != null) {
            return;
        }
        running = true;
        supervisor = new Thread(this::supervise, "aegis-" + what);
        supervisor.setDaemon(true);
        supervisor.start();
    }

    /** Closes the stream and waits briefly for the thread; idempotent. */
    public synchronized void stop() {
        running = false;
        Connection connection = current;
        if (connection != null) {
            connection.close();
        }
        if (supervisor != null) {
            supervisor.interrupt();
            try {
                supervisor.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            supervisor = null;
        }
        connected = false;
    }

    /** True between {@link #start()} and {@link #stop()}, connected or not. */
    public boolean isRunning() {
        return running;
    }

    /** True while the engine is streaming events. */
    public boolean isConnected() {
        return connected;
    }

    /** How many times the stream had to be re-opened since start. */
    public long reconnects() {
        return reconnects.get();
    }

    /** Why the stream last ended, if it ever did (engine messages only, never secrets). */
    public Optional<String> lastProblem() {
        return Optional.ofNullable(lastProblem);
    }

    private void supervise() {
        try {
            followUntilStopped();
        } catch (Error fatal) {
            running = false;
            lastProblem = describe(fatal);
            LOG.errorf(fatal, "%s stopped by a fatal error; these Docker events are not followed any more", what);
            throw fatal;
        }
    }

    private void followUntilStopped() {
        while (running) {
            Connection connection = new Connection();
            current = connection;
            try {
                opener.open(since.get(), connection);
                connection.ended.await();
                lastProblem = connection.error == null ? "the engine closed the event stream" : describe(connection.error);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                lastProblem = describe(e);
            } finally {
                connected = false;
                connection.close();
            }
            if (!running) {
                break;
            }
            Duration delay = backoff.next();
            reconnects.incrementAndGet();
            LOG.warnf("%s: stream lost (%s); re-opening in %d ms from the last processed event", what, lastProblem,
                    delay.toMillis());
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.debugf("%s stopped", what);
    }

    /** The innermost cause's type and first message line: enough to act on, nothing that could hold a secret. */
    public static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().strip().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + message;
    }

    /** One connection's callback. */
    private final class Connection implements ResultCallback<Event> {
        private final CountDownLatch ended = new CountDownLatch(1);
        private volatile Closeable response;
        private volatile Throwable error;
        private volatile boolean closed;

        @Override
        public void onStart(Closeable response) {
            this.response = response;
            if (closed) {
                closeQuietly(response);
                return;
            }
            connected = true;
            backoff.reset();
            LOG.infof("%s: following the engine's events", what);
        }

        @Override
        public void onNext(Event event) {
            if (closed) {
                return;
            }
            try {
                handler.accept(event);
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: failed to handle %s; continuing with the next event", what, event);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (error == null) {
                error = throwable;
            }
            ended.countDown();
        }

        @Override
        public void onComplete() {
            ended.countDown();
        }

        @Override
        public void close() {
            closed = true;
            Closeable open = response;
            if (open != null) {
                closeQuietly(open);
            }
            ended.countDown();
        }

        private void closeQuietly(Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                LOG.tracef(e, "Closing the event stream failed");
            }
        }
    }
}
