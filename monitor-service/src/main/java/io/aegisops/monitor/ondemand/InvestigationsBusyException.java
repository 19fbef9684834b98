package io.aegisops.monitor.ondemand;

import java.time.Duration;

/** As many on-demand investigations as allowed are running; the asker should try again after {@link #retryAfter()}. */
public class InvestigationsBusyException extends RuntimeException {

    private final transient Duration retryAfter;

    public InvestigationsBusyException(int running, Duration retryAfter) {
        super(running + " on-demand investigation(s) are already running, the most allowed at once "
                + "(aegis.investigation.on-demand.concurrency); try again in " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds for the Retry-After header, at least one. */
    public static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
