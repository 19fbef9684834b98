package io.aegisops.buggy.fault;

import io.aegisops.buggy.config.BuggyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Crashes the process a moment after being asked, so that the caller still receives its 202 (or the start-up
 * log reaches Docker) before the container dies with the requested exit code.
 */
@ApplicationScoped
public class CrashFault {

    public static final int MIN_EXIT_CODE = 0;
    public static final int MAX_EXIT_CODE = 255;

    private static final Logger LOG = Logger.getLogger(CrashFault.class);

    private final Terminator terminator;
    private final Duration delay;

    @Inject
    public CrashFault(Terminator terminator, BuggyConfig config) {
        this(terminator, config.crashDelay());
    }

    CrashFault(Terminator terminator, Duration delay) {
        this.terminator = terminator;
        this.delay = delay;
    }

    /**
     * Schedules the exit on a thread of its own and returns at once.
     *
     * @param reason why, for the log line that will be the last thing the process says
     * @return how long until the exit
     */
    public Duration schedule(int exitCode, String reason) {
        if (exitCode < MIN_EXIT_CODE || exitCode > MAX_EXIT_CODE) {
            throw new IllegalArgumentException("exit code must be between 0 and 255, got " + exitCode);
        }
        LOG.errorf("Exiting with code %d in %d ms: %s", exitCode, delay.toMillis(), reason);
        Thread exiter = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                // Being interrupted (e.g. by a shutdown) must not cancel a crash that was asked for.
                Thread.currentThread().interrupt();
            }
            terminator.terminate(exitCode);
        }, "crash-fault");
        exiter.setDaemon(false);
        exiter.start();
        return delay;
    }
}
