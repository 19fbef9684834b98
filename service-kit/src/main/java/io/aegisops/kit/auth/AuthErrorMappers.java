package io.aegisops.kit.auth;

import io.aegisops.kit.rest.ApiError;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * 401 and 403 in the one JSON error shape, naming what was missing: no credential, a credential nobody issued, or
 * the role the endpoint needs. Authentication is not proactive ({@code quarkus.http.auth.proactive=false}), so these
 * failures reach JAX-RS mappers like any other. An identity owner that cannot answer is a 503 with
 * {@code Retry-After}, so a sender retries instead of dropping what it sent.
 */
public class AuthErrorMappers {

    private static final String CHALLENGE = BearerTokenMechanism.SCHEME + " realm=\"aegisops\"";

    private final SecurityIdentity identity;

    public AuthErrorMappers(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return unauthorized("credentials are required: send 'Authorization: Bearer <token>' (an API token from "
                + "'./aegisops user token', or log in on the dashboard)");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        Optional<IdentityUnavailableException> unavailable = unavailableIn(e);
        if (unavailable.isPresent()) {
            return unavailable(unavailable.get());
        }
        return unauthorized("the bearer token is not valid: unknown, expired or revoked");
    }

    @ServerExceptionMapper
    public Response unavailable(IdentityUnavailableException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON)
                .header("Retry-After", "5")
                .entity(ApiError.of(503, "Service Unavailable", "cannot check credentials right now: "
                        + e.getMessage() + "; retry shortly"))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ResourceInfo resource) {
        String who = identity == null || identity.isAnonymous() ? "this caller"
                : "'" + identity.getPrincipal().getName() + "' (" + Roles.strongest(identity.getRoles()) + ")";
        String needs = required(resource).map(roles -> "; it needs the role " + String.join(" or ", roles))
                .orElse("");
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(403, "Forbidden", who + " may not do this" + needs))
                .build();
    }

    private static Response unauthorized(String message) {
        return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                .header("WWW-Authenticate", CHALLENGE)
                .entity(ApiError.of(401, "Unauthorized", message))
                .build();
    }

    private static Optional<String[]> required(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return Optional.empty();
        }
        Method method = resource.getResourceMethod();
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        return Optional.ofNullable(allowed).map(RolesAllowed::value).filter(v -> v.length > 0)
                .map(v -> Arrays.stream(v).toArray(String[]::new));
    }

    private static Optional<IdentityUnavailableException> unavailableIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IdentityUnavailableException unavailable) {
                return Optional.of(unavailable);
            }
        }
        return Optional.empty();
    }
}
