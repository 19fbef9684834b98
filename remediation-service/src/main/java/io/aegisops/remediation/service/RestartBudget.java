package io.aegisops.remediation.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "At most N restarts per window" for one container, e.g. {@code 3/15m}. Exists so a container that keeps
 * failing is handed to a human instead of being restarted forever. The budget has no counter of its own: it is
 * always accounted from the restarts recorded in the database, so it survives restarts of this service and is
 * shared by its replicas.
 *
 * @param limit  restarts allowed in any window; 0 means never restart automatically
 * @param window the sliding window
 */
public record RestartBudget(int limit, Duration window) {

    /** Letters, not ISO-8601, because a label is typed by people: {@code 3/15m}, {@code 5/1h}, {@code 10/30s}. */
    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,4})/(\\d{1,6})([smhd])");
    static final int MAX_LIMIT = 1000;
    static final Duration MAX_WINDOW = Duration.ofDays(30);

    public RestartBudget {
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("restart budget limit must be between 0 and " + MAX_LIMIT + ", was " + limit);
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("restart budget window must be positive and at most 30d, was " + window);
        }
    }

    /**
     * Parses {@code <count>/<number><s|m|h|d>} strictly: no spaces inside, no fractions, no other units.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static RestartBudget parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("restart budget is empty; expected e.g. 3/15m");
        }
        Matcher m = SYNTAX.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("restart budget '" + text + "' is not <count>/<number><s|m|h|d>, e.g. 3/15m");
        }
        long amount = Long.parseLong(m.group(2));
        Duration window = switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return new RestartBudget(Integer.parseInt(m.group(1)), window);
    }

    /** The label's budget when it parses, else empty (the caller falls back to the default and warns). */
    public static Optional<RestartBudget> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Accounts recorded restarts against the budget. A restart counts while it lies in {@code (now - window, now]}:
     * one recorded exactly a window ago no longer counts.
     */
    public Account account(Collection<Instant> restarts, Instant now) {
        Instant windowStart = now.minus(window);
        List<Instant> counted = restarts.stream()
                .filter(at -> at.isAfter(windowStart) && !at.isAfter(now))
                .sorted(Comparator.naturalOrder())
                .toList();
        int used = counted.size();
        // The budget frees up when the oldest counted restart leaves the window.
        Instant nextFreeAt = used >= limit && !counted.isEmpty() && limit > 0
                ? counted.get(used - limit).plus(window)
                : null;
        return new Account(this, used, Math.max(0, limit - used), nextFreeAt);
    }

    /** The canonical label form, e.g. {@code 3/15m}. */
    public String describe() {
        long seconds = window.toSeconds();
        String unitForm = seconds % 86_400 == 0 ? seconds / 86_400 + "d"
                : seconds % 3600 == 0 ? seconds / 3600 + "h"
                : seconds % 60 == 0 ? seconds / 60 + "m"
                : seconds + "s";
        return limit + "/" + unitForm;
    }

    /**
     * The budget as it stands.
     *
     * @param budget     what was accounted against
     * @param used       restarts in the window
     * @param left       restarts still allowed now
     * @param nextFreeAt when one more restart becomes allowed, if the budget is spent (null otherwise)
     */
    public record Account(RestartBudget budget, int used, int left, Instant nextFreeAt) {

        public boolean spent() {
            return left == 0;
        }
    }
}
