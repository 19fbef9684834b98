package io.aegisops.kit.auth;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The actor a change records: always the authenticated principal, never a name from a request body, with how it
 * authenticated when that is not a plain API token ("alice (dashboard session)").
 */
public final class Actors {

    private Actors() {
    }

    /** The principal's name. */
    public static String name(SecurityIdentity identity) {
        return identity.getPrincipal().getName();
    }

    /** How it authenticated: {@code api-token}, {@code session} or {@code slack}. */
    public static String via(SecurityIdentity identity) {
        Object via = identity.getAttribute(TokenIdentityProvider.VIA);
        return via == null ? "api-token" : via.toString();
    }

    /** "alice" for an API token, "alice (dashboard session)" for a login: what a timeline or audit shows. */
    public static String describe(SecurityIdentity identity) {
        String via = via(identity);
        return switch (via) {
            case "api-token" -> name(identity);
            case "session" -> name(identity) + " (dashboard session)";
            default -> name(identity) + " (" + via + ")";
        };
    }
}
