package io.aegisops.approval.rest;

import io.aegisops.kit.rest.Violations;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
        if (!violations.required(value, name)) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            violations.add(name, "'" + value + "' is not a UUID");
            return null;
        }
    }

    /** Repeated or comma-separated enum names, any case. */
    static <E extends Enum<E>> Set<E> enums(List<String> raw, Class<E> type, String name, Violations violations) {
        Set<E> values = EnumSet.noneOf(type);
        if (raw == null) {
            return values;
        }
        raw.stream().flatMap(s -> Arrays.stream(s.split(","))).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(s -> {
                    try {
                        values.add(Enum.valueOf(type, s.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        violations.add(name, "'" + s + "' is not one of " + Arrays.toString(type.getEnumConstants()));
                    }
                });
        return values;
    }

    static int limit(Integer limit, int max, Violations violations) {
        int value = limit == null ? 100 : limit;
        violations.check(value >= 1 && value <= max, "limit", "must be between 1 and " + max);
        return value;
    }
}
