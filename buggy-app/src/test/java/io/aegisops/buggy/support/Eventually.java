package io.aegisops.buggy.support;

import java.time.Duration;

/**
 * Retries an assertion until it passes or the timeout ends. The timeout is a bound on how long a test waits for
 * something asynchronous (a sample, a delivery), never a claim about how fast it must be.
 */
public final class Eventually {

    /** An assertion that may throw. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private Eventually() {
    }

    public static void within(Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | Exception e) {
                if (System.nanoTime() > deadline) {
                    if (e instanceof AssertionError assertion) {
                        throw assertion;
                    }
                    throw new AssertionError("still failing after " + timeout, e);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}
