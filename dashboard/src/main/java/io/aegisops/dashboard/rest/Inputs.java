package io.aegisops.dashboard.rest;

import io.aegisops.kit.rest.Params;
import io.aegisops.kit.rest.Violations;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks what browsers send before anything is passed on, so a bad request is answered here with a 400 that
 * names the field, and the other services only ever see well-formed calls.
 */
public final class Inputs {

    private Inputs() {
    }

    /** Optional free text: trimmed, empty becomes null, at most {@code max} characters. */
    public static String text(String value, int max, String field, Violations violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        violations.maxLength(text, max, field);
        return text;
    }

    /** Required free text. */
    public static String requiredText(String value, int max, String field, Violations violations) {
        violations.required(value, field);
        return text(value, max, field, violations);
    }

    /** A UUID, as every AegisOps id is; returned in canonical form so it is safe in a URL path. */
    public static String uuid(String value, String field, Violations violations) {
        UUID parsed = Params.uuid(value, field, violations);
        return parsed == null ? null : parsed.toString();
    }

    /** An optional UUID query parameter. */
    public static String optionalUuid(String value, String field, Violations violations) {
        return value == null || value.isBlank() ? null : uuid(value, field, violations);
    }

    /** An integer within bounds, or the default when absent. */
    public static int intInRange(Integer value, int defaultValue, int min, int max, String field,
                                 Violations violations) {
        int v = value == null ? defaultValue : value;
        violations.check(v >= min && v <= max, field, "must be between " + min + " and " + max);
        return v;
    }

    /** A page size. */
    public static int limit(Integer value, int defaultValue, int max, Violations violations) {
        return intInRange(value, defaultValue, 1, max, "limit", violations);
    }

    /** Repeated or comma-separated enum names, any case. */
    public static <E extends Enum<E>> Set<E> enums(List<String> raw, Class<E> type, String field,
                                                   Violations violations) {
        return Params.enums(raw, type, field, violations);
    }

    /** Enum names joined with commas, for passing a validated filter on to another service. */
    public static String csv(Set<? extends Enum<?>> values) {
        return String.join(",", values.stream().map(Enum::name).toList());
    }
}
