package io.aegisops.buggy.watch;

import io.aegisops.contract.AlertType;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most one alert per type per cooldown, however many samples keep crossing the threshold: one fault should
 * be one alert, not one a second. Pure; time is passed in.
 */
public final class AlertCooldown {

    private final Duration cooldown;
    private final Map<AlertType, Instant> lastAllowed = new EnumMap<>(AlertType.class);

    public AlertCooldown(Duration cooldown) {
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative");
        }
        this.cooldown = cooldown;
    }

    /** True, and the cooldown starts, when no alert of this type was allowed within the cooldown before now. */
    public synchronized boolean tryAcquire(AlertType type, Instant now) {
        Instant last = lastAllowed.get(type);
        if (last != null && now.isBefore(last.plus(cooldown))) {
            return false;
        }
        lastAllowed.put(type, now);
        return true;
    }

    public synchronized Optional<Instant> lastAllowed(AlertType type) {
        return Optional.ofNullable(lastAllowed.get(type));
    }
}
