package io.aegisops.approval.rest;

import io.aegisops.kit.rest.Violations;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Parses path and query parameters into 400s that name the parameter, the same way in every resource. */
final class Params {

    private Params() {
    }

    static UUID uuid(String value, String name) {
        Violations violations = new Violations();
        UUID parsed = uuid(value, name, violations);
        violations.throwIfAny();
        return parsed;
    }

    /** @return null (and a violation) when absent or not a UUID */
    static UUID uuid(String value, String name, Violations violations) {
        return io.aegisops.kit.rest.Params.uuid(value, name, violations);
    }

    static <E extends Enum<E>> Set<E> enums(List<String> raw, Class<E> type, String name, Violations violations) {
        return io.aegisops.kit.rest.Params.enums(raw, type, name, violations);
    }

    static int limit(Integer limit, int max, Violations violations) {
        int value = limit == null ? 100 : limit;
        violations.check(value >= 1 && value <= max, "limit", "must be between 1 and " + max);
        return value;
    }
}
