package io.aegisops.monitor.docker;

import com.github.dockerjava.api.async.ResultCallback;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A bounded read of one of the engine's streamed answers (logs, stats): the reader waits until the stream ended,
 * failed, or had enough, and closing always releases it. Written against the plain callback interface because
 * docker-java's template logs every stream error at ERROR, which would be noise for a container that is simply gone.
 *
 * @param <T> the frame type
 */
public abstract class ReadCallback<T> implements ResultCallback<T> {

    private static final Logger LOG = Logger.getLogger(ReadCallback.class);

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Closeable stream;
    private volatile Throwable error;

    @Override
    public void onStart(Closeable stream) {
        this.stream = stream;
    }

    @Override
    public void onError(Throwable throwable) {
        if (error == null) {
            error = throwable;
        }
        done.countDown();
    }

    @Override
    public void onComplete() {
        done.countDown();
    }

    /** For subclasses that need no more frames: releases the reader before the stream ends. */
    protected final void enough() {
        done.countDown();
    }

    /** Waits for the end, a failure or {@link #enough()}; false when {@code timeout} passed first. */
    public boolean await(Duration timeout) throws InterruptedException {
        return done.await(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** The first failure the stream reported, or null. */
    public Throwable error() {
        return error;
    }

    @Override
    public void close() {
        Closeable current = stream;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.tracef(e, "Closing an engine stream failed");
            }
        }
        done.countDown();
    }
}
