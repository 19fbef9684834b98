package io.aegisops.approval.identity;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's arithmetic on a clock the test moves: free failures, one guess per lock, doubling, the cap. */
class LoginThrottleTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Ticker clock = nanos::get;
    private final LoginThrottle throttle = new LoginThrottle(new Limits(3, Duration.ofSeconds(30),
            Duration.ofMinutes(2)), clock);

    @Test
    void shouldLetTheFreeFailuresAndOneMoreGuessThroughThenLock() {
        IntStream.range(0, 4).forEach(i -> assertThat(throttle.attempt("alice")).as("attempt " + (i + 1)).isEmpty());

        assertThat(throttle.attempt("alice")).contains(Duration.ofSeconds(30));
        advance(Duration.ofSeconds(10));
        assertThat(throttle.attempt("alice")).contains(Duration.ofSeconds(20));
    }

    @Test
    void shouldDoubleTheLockWithEachFurtherFailureUpToTheCap() {
        IntStream.range(0, 4).forEach(i -> throttle.attempt("bob"));
        advance(Duration.ofSeconds(30));

        assertThat(throttle.attempt("bob")).as("one guess after the first lock").isEmpty();
        assertThat(throttle.attempt("bob")).contains(Duration.ofSeconds(60));
        advance(Duration.ofSeconds(60));
        assertThat(throttle.attempt("bob")).isEmpty();
        assertThat(throttle.attempt("bob")).contains(Duration.ofSeconds(120));
        advance(Duration.ofSeconds(120));
        assertThat(throttle.attempt("bob")).isEmpty();
        assertThat(throttle.attempt("bob")).as("capped").contains(Duration.ofMinutes(2));
    }

    @Test
    void shouldStartAfreshAfterACorrectPassword() {
        IntStream.range(0, 3).forEach(i -> throttle.attempt("carol"));
        throttle.succeeded("carol");

        IntStream.range(0, 4).forEach(i -> assertThat(throttle.attempt("carol")).isEmpty());
    }

    @Test
    void shouldKeepNamesApartButIgnoreCaseAndSpaces() {
        IntStream.range(0, 4).forEach(i -> throttle.attempt("dave"));

        assertThat(throttle.attempt(" DAVE ")).isPresent();
        assertThat(throttle.attempt("erin")).isEmpty();
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private record Limits(int freeFailures, Duration lockout, Duration maxLockout) implements IdentityConfig.Login {
    }
}
