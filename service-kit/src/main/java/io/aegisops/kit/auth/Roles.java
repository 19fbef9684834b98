package io.aegisops.kit.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The roles of every AegisOps API, in one place so {@code @RolesAllowed} on every service, the identity store and the
 * dashboard agree on their names. People's roles are ordered: each grants what the ones below it grant
 * ({@code viewer} &lt; {@code operator} &lt; {@code approver} &lt; {@code admin}), so "a role below the required one"
 * has a meaning. {@code reporter} stands apart: a machine (the app's webhook, Alertmanager) that may only hand in
 * alerts, and cannot read incidents or decide anything.
 */
public final class Roles {

    /** Reads everything. */
    public static final String VIEWER = "viewer";
    /** Injects faults on the demo app, resolves incidents, comments, runs investigations. */
    public static final String OPERATOR = "operator";
    /** Decides approvals. */
    public static final String APPROVER = "approver";
    /** Policy, rules, users and tokens. */
    public static final String ADMIN = "admin";
    /** Hands in alerts and nothing else. */
    public static final String REPORTER = "reporter";

    /** People's roles, lowest first. */
    public static final List<String> LADDER = List.of(VIEWER, OPERATOR, APPROVER, ADMIN);
    /** Every role a principal can hold. */
    public static final List<String> ALL = List.of(VIEWER, OPERATOR, APPROVER, ADMIN, REPORTER);

    private Roles() {
    }

    /** The role named (any case), if it is one. */
    public static Optional<String> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String role = name.trim().toLowerCase(Locale.ROOT);
        return ALL.contains(role) ? Optional.of(role) : Optional.empty();
    }

    /** What holding {@code role} grants: itself and every role below it on the ladder. */
    public static Set<String> granted(String role) {
        int rank = LADDER.indexOf(role);
        if (rank < 0) {
            return ALL.contains(role) ? Set.of(role) : Set.of();
        }
        return Set.copyOf(LADDER.subList(0, rank + 1));
    }

    /** The highest role on the ladder among {@code granted}, else {@code reporter} if held, else "none". */
    public static String strongest(java.util.Collection<String> granted) {
        for (int i = LADDER.size() - 1; i >= 0; i--) {
            if (granted.contains(LADDER.get(i))) {
                return LADDER.get(i);
            }
        }
        return granted.contains(REPORTER) ? REPORTER : "none";
    }

    /**
     * A role that may not do what {@code accepted} allows: the one just below the lowest ladder role accepted, or
     * {@code reporter} when the lowest accepted is {@code viewer} (a machine is not a viewer). What a "role too low"
     * test calls with.
     */
    public static String justBelow(java.util.Collection<String> accepted) {
        String lowest = LADDER.stream().filter(accepted::contains).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(accepted + " names no people's role"));
        return below(lowest).orElse(REPORTER);
    }

    /** The role just below {@code role} on the ladder (empty for {@code viewer} and {@code reporter}). */
    public static Optional<String> below(String role) {
        int rank = LADDER.indexOf(role);
        return rank > 0 ? Optional.of(LADDER.get(rank - 1)) : Optional.empty();
    }
}
