package io.aegisops.kit.rest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Collects every problem of a payload before answering, so a client fixes its request in one round trip
 * instead of discovering errors one at a time.
 */
public final class Violations {

    private final List<ApiError.Violation> found = new ArrayList<>();

    public Violations add(String field, String message) {
        found.add(new ApiError.Violation(field, message));
        return this;
    }

    /** Records a violation unless {@code ok}; returns {@code ok} so callers can chain dependent checks. */
    public boolean check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return ok;
    }

    public boolean required(Object value, String field) {
        boolean present = value != null && !(value instanceof String s && s.isBlank());
        return check(present, field, "is required");
    }

    public void maxLength(String value, int max, String field) {
        check(value == null || value.length() <= max, field, "must be at most " + max + " characters");
    }

    public void maxSize(Collection<?> value, int max, String field) {
        check(value == null || value.size() <= max, field, "must have at most " + max + " entries");
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** @throws InvalidRequestException when anything was found */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRequestException(found);
        }
    }
}
