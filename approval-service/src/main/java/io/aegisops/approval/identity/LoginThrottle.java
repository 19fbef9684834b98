package io.aegisops.approval.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows password guessing: after {@code free-failures} wrong passwords in a row for a user name (known or not, so the
 * answer does not tell which names exist), the name gets one guess per lock, the lock starting at {@code lockout} and
 * doubling with each further failure up to {@code max-lockout}; a correct password clears it, and so does half an hour
 * without a try. Kept in memory (there is one approval-service; a restart forgets the counts); API tokens are not
 * affected, so a locked-out admin can still act with a token.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int MAX_NAMES = 100_000;

    private final IdentityConfig.Login config;
    private final Ticker ticker;
    private final Cache<String, Failures> failures;

    @Inject
    public LoginThrottle(IdentityConfig config) {
        this(config.login(), Ticker.systemTicker());
    }

    LoginThrottle(IdentityConfig.Login config, Ticker ticker) {
        this.config = config;
        this.ticker = ticker;
        this.failures = Caffeine.newBuilder().maximumSize(MAX_NAMES).ticker(ticker)
                .expireAfterWrite(config.maxLockout().multipliedBy(2)).build();
    }

    /**
     * Claims one attempt for the name before its password is checked, counted as a failure until
     * {@link #succeeded} says otherwise, so concurrent guesses cannot all slip in before the first is counted.
     *
     * @return how long the name must still wait (nothing is counted then); empty when this attempt may go ahead
     */
    public Optional<Duration> attempt(String name) {
        Duration[] wait = new Duration[1];
        failures.asMap().compute(key(name), (k, f) -> {
            long now = ticker.read();
            if (f != null && f.lockedUntilNanos - now > 0) {
                wait[0] = Duration.ofNanos(f.lockedUntilNanos - now);
                return f;
            }
            int count = (f == null ? 0 : f.count) + 1;
            int over = count - config.freeFailures();
            if (over <= 0) {
                return new Failures(count, now);
            }
            Duration lock = config.lockout().multipliedBy(1L << Math.min(over - 1, 20));
            if (lock.compareTo(config.maxLockout()) > 0) {
                lock = config.maxLockout();
            }
            return new Failures(count, now + lock.toNanos());
        });
        return Optional.ofNullable(wait[0]);
    }

    /** The password was right: the name starts afresh. */
    public void succeeded(String name) {
        failures.invalidate(key(name));
    }

    private static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, long lockedUntilNanos) {
    }
}
