package io.aegisops.approval.rest;

import io.aegisops.approval.identity.IdentityStore;
import io.aegisops.approval.identity.IdentityViews.IssuedToken;
import io.aegisops.approval.identity.IdentityViews.Session;
import io.aegisops.approval.identity.IdentityViews.SlackUserView;
import io.aegisops.approval.identity.IdentityViews.UserView;
import io.aegisops.approval.identity.LoginThrottle;
import io.aegisops.approval.identity.OidcTokens;
import io.aegisops.kit.auth.Actors;
import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.auth.VerifiedCaller;
import io.aegisops.kit.auth.WhoAmI;
import io.aegisops.kit.rest.ApiError;
import io.aegisops.kit.rest.Violations;
import io.quarkus.security.Authenticated;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling, logins, and the principals and tokens an admin manages. Every other service asks
 * {@code GET /api/auth/me} whose a bearer token is; the dashboard's login page posts to {@code /sessions}.
 */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class AuthResource {

    private final IdentityStore store;
    private final SecurityIdentity identity;
    private final LoginThrottle throttle;
    private final OidcTokens oidc;

    public AuthResource(IdentityStore store, SecurityIdentity identity, LoginThrottle throttle, OidcTokens oidc) {
        this.store = store;
        this.identity = identity;
        this.throttle = throttle;
        this.oidc = oidc;
    }

    /** A login. */
    public record LoginBody(String username, String password) {
    }

    /** The end of a sign-in through the OIDC provider: its ID token and the nonce the dashboard sent for it. */
    public record OidcLoginBody(String idToken, String nonce) {
    }

    /** A new principal; password only for people who log in on the dashboard. */
    public record UserBody(String name, String role, String password) {
    }

    /** Which principal a Slack user's clicks act as. */
    public record SlackUserBody(String principal) {
    }

    /** A new API token. */
    public record TokenBody(String label, Integer expiresInDays) {
    }

    @GET
    @Path("me")
    @Authenticated
    @Operation(summary = "Who the bearer token belongs to: how every service checks a caller")
    public WhoAmI me() {
        return WhoAmI.of(identity);
    }

    @POST
    @Path("sessions")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with a password; answers a session token (the dashboard keeps it in a cookie)")
    public Response login(LoginBody body) {
        Violations violations = new Violations();
        if (violations.required(body, "body")) {
            violations.required(body.username(), "username");
            violations.required(body.password(), "password");
            violations.maxLength(body.username(), 64, "username");
            violations.maxLength(body.password(), 200, "password");
        }
        violations.throwIfAny();
        Optional<Duration> locked = throttle.attempt(body.username());
        if (locked.isPresent()) {
            long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
            return Response.status(Response.Status.TOO_MANY_REQUESTS).type(MediaType.APPLICATION_JSON)
                    .header("Retry-After", seconds)
                    .entity(ApiError.of(429, "Too Many Requests", "too many wrong passwords for this user; try again"
                            + " in " + seconds + " s (an API token still works)")).build();
        }
        Session session = store.login(body.username(), body.password())
                .orElse(null);
        if (session == null) {
            return error(401, "Unauthorized", "unknown user or wrong password");
        }
        throttle.succeeded(body.username());
        return Response.status(Response.Status.CREATED).entity(session).build();
    }

    @POST
    @Path("sessions/oidc")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in through the OIDC provider: the dashboard trades the ID token of a sign-in it started"
            + " (with its nonce) for a session; the principal is made on first sign-in, its role follows the claim")
    public Response oidcLogin(OidcLoginBody body) {
        Optional<String> unavailable = oidc.signInUnavailable();
        if (unavailable.isPresent()) {
            return error(404, "Not Found", unavailable.get());
        }
        Violations violations = new Violations();
        if (violations.required(body, "body")) {
            violations.required(body.idToken(), "idToken");
            violations.required(body.nonce(), "nonce");
            violations.maxLength(body.idToken(), 16_384, "idToken");
            violations.maxLength(body.nonce(), 200, "nonce");
        }
        violations.throwIfAny();
        Optional<VerifiedCaller> caller = oidc.verifyIdToken(body.idToken(), body.nonce());
        if (caller.isEmpty()) {
            return error(401, "Unauthorized", "the provider's ID token was refused: not signed by "
                    + oidc.issuer() + ", not issued to this client, expired, for another sign-in (nonce), or"
                    + " granting no AegisOps role");
        }
        try {
            return store.oidcLogin(caller.get(), oidc.issuer())
                    .map(session -> Response.status(Response.Status.CREATED).entity(session).build())
                    .orElseGet(() -> error(403, "Forbidden", "principal '" + caller.get().name()
                            + "' is disabled; an admin can enable it"));
        } catch (IllegalArgumentException e) {
            return error(422, "Unprocessable Entity", e.getMessage());
        } catch (IllegalStateException e) {
            return error(409, "Conflict", e.getMessage());
        }
    }

    private static Response error(int status, String reason, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(ApiError.of(status, reason, message))
                .build();
    }

    @DELETE
    @Path("sessions/current")
    @Authenticated
    @Operation(summary = "Log out: revokes the session token this request carries")
    public Response logout() {
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        if (credential != null) {
            store.revokeToken(credential.getToken());
        }
        return Response.noContent().build();
    }

    @GET
    @Path("users")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Principals with their tokens (never the tokens' values)")
    public List<UserView> users() {
        return store.users();
    }

    @POST
    @Path("users")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a principal: a person (with a password) or a machine (tokens only)")
    public Response addUser(UserBody body) {
        Violations violations = new Violations();
        if (violations.required(body, "body")) {
            store.validate(body.name(), body.role(), body.password(), violations);
        }
        violations.throwIfAny();
        try {
            UserView user = store.addUser(body.name(), body.role().trim().toLowerCase(Locale.ROOT), body.password(),
                    Actors.describe(identity));
            return Response.created(URI.create("/api/auth/users/" + user.name())).entity(user).build();
        } catch (IllegalStateException e) {
            return error(409, "Conflict", e.getMessage());
        }
    }

    @POST
    @Path("users/{name}/tokens")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an API token; its value is shown in this answer only")
    public Response issueToken(@PathParam("name") String name, TokenBody body) {
        Violations violations = new Violations();
        String label = body == null || body.label() == null || body.label().isBlank() ? "api token"
                : body.label().strip();
        violations.maxLength(label, 128, "label");
        Integer days = body == null ? null : body.expiresInDays();
        violations.check(days == null || (days >= 1 && days <= 3650), "expiresInDays", "must be 1-3650");
        violations.throwIfAny();
        IssuedToken issued = store.issueToken(name, label, days)
                .orElseThrow(() -> new NotFoundException("no principal named '" + name + "'"));
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @GET
    @Path("slack-users")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Slack users whose clicks count, and the principal each acts as")
    public List<SlackUserView> slackUsers() {
        return store.slackUsers();
    }

    @PUT
    @Path("slack-users/{slackUserId}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Map a Slack user id (U…) to a principal; its clicks count if the principal may decide")
    public SlackUserView mapSlackUser(@PathParam("slackUserId") String slackUserId, SlackUserBody body) {
        Violations violations = new Violations();
        violations.check(slackUserId != null && slackUserId.matches("[UW][A-Z0-9]{2,31}"), "slackUserId",
                "must be a Slack user id such as U024BE7LH");
        violations.required(body == null ? null : body.principal(), "principal");
        violations.throwIfAny();
        return store.mapSlackUser(slackUserId, body.principal().trim(), Actors.describe(identity))
                .orElseThrow(() -> new NotFoundException("no principal named '" + body.principal() + "'"));
    }

    @DELETE
    @Path("slack-users/{slackUserId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Unmap a Slack user: its clicks no longer count")
    public Response unmapSlackUser(@PathParam("slackUserId") String slackUserId) {
        if (!store.unmapSlackUser(slackUserId)) {
            throw new NotFoundException("Slack user " + slackUserId + " is not mapped");
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("tokens/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Revoke a token (it stops working everywhere within the services' cache TTL, 30 s)")
    public Response revoke(@PathParam("id") String id) {
        UUID tokenId = Params.uuid(id, "id");
        if (!store.revokeToken(tokenId)) {
            throw new NotFoundException("no token with id " + id);
        }
        return Response.noContent().build();
    }
}
