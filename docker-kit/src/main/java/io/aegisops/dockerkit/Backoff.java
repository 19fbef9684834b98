package io.aegisops.dockerkit;

import java.time.Duration;

/**
 * Exponential reconnect delay between a floor and a ceiling. Exists so a restarting engine is retried
 * quickly at first, a long outage is not hammered, and a healthy reconnection starts again from the floor.
 */
public final class Backoff {

    private final Duration min;
    private final Duration max;
    private Duration next;

    /**
     * @param setting the configuration that gave the bounds, named in the error when they are wrong
     */
    public Backoff(String setting, Duration min, Duration max) {
        if (min == null || max == null || min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException(
                    setting + " needs 0 < min <= max, was min=" + min + " max=" + max);
        }
        this.min = min;
        this.max = max;
        this.next = min;
    }

    /** The delay to wait now; each call doubles the following one up to the ceiling. */
    public synchronized Duration next() {
        Duration current = next;
        Duration doubled = current.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    /** Called once a connection succeeded, so the next outage is retried from the floor again. */
    public synchronized void reset() {
        next = min;
    }
}
