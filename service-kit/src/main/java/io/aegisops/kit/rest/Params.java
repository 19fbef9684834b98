package io.aegisops.kit.rest;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Parses path and query parameters into {@link Violations} that name the parameter, so every service answers a
 * bad id or filter with the same 400 wording.
 */
public final class Params {

    private Params() {
    }

    /** @return null (and a violation) when absent or not a UUID */
    public static UUID uuid(String value, String name, Violations violations) {
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

    /** Repeated or comma-separated enum names, any case; an unknown name is a violation listing the allowed ones. */
    public static <E extends Enum<E>> Set<E> enums(List<String> raw, Class<E> type, String name, Violations violations) {
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
}
