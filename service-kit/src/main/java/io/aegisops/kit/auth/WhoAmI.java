package io.aegisops.kit.auth;

import io.quarkus.security.identity.SecurityIdentity;

import java.util.List;

/**
 * The answer to "who am I": what {@code GET /api/auth/me} says on approval-service (where every service learns it)
 * and on the dashboard (where the page decides which buttons to draw).
 *
 * @param name  the principal
 * @param role  its strongest role ({@link Roles#strongest})
 * @param via   how it authenticated ({@link Actors#via})
 * @param roles every role it holds, ladder order
 */
public record WhoAmI(String name, String role, String via, List<String> roles) {

    public static WhoAmI of(SecurityIdentity identity) {
        List<String> roles = Roles.ALL.stream().filter(identity::hasRole).toList();
        return new WhoAmI(Actors.name(identity), Roles.strongest(roles), Actors.via(identity), roles);
    }
}
