package io.aegisops.remediation.docker;

import java.time.Duration;

/**
 * Pauses between two health checks: short at first, because a restarted container is often healthy within a
 * second, then doubling up to a ceiling so a slow starter is not hammered. One instance per verification.
 */
public final class VerifyBackoff {

    private final Duration max;
    private Duration next;

    public VerifyBackoff(Duration initial, Duration max) {
        if (initial == null || max == null || initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("aegis.remediation.verify needs 0 < initial-backoff <= max-backoff, was "
                    + initial + " and " + max);
        }
        this.max = max;
        this.next = initial;
    }

    /** The pause to take now; each call doubles the following one up to the ceiling. */
    public Duration next() {
        Duration current = next;
        Duration doubled = current.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }
}
