package io.aegisops.buggy.rest;

/**
 * Parses integer query parameters by hand: JAX-RS turns an unconvertible query parameter into a 404, while a
 * caller who typed {@code mb=abc} deserves a 400 that names {@code mb} and its allowed range.
 */
final class QueryParams {

    private QueryParams() {
    }

    /**
     * @param raw          the parameter as sent; null when absent (Quarkus REST also passes {@code ?mb=} as null)
     * @param defaultValue used when the parameter is absent
     */
    static int intInRange(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null) {
            return defaultValue;
        }
        String message = name + " must be between " + min + " and " + max;
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, message);
        }
        if (value < min || value > max) {
            throw new BadParameterException(name, message);
        }
        return value;
    }
}
