package io.aegisops.dashboard.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.dashboard.client.Caller;
import io.aegisops.dashboard.client.Downstream;
import io.aegisops.dashboard.client.DownstreamClient;
import io.aegisops.dashboard.client.DownstreamException;
import io.aegisops.dashboard.config.DashboardConfig;
import io.aegisops.kit.auth.Actors;
import io.aegisops.kit.auth.AuthConfig;
import io.aegisops.kit.auth.WhoAmI;
import io.aegisops.kit.rest.ApiError;
import io.aegisops.kit.rest.Violations;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Signing in and out of the war room. approval-service owns users and sessions; the dashboard only turns its session
 * token into a cookie the page's script cannot read (HttpOnly) and no other site can make the browser send
 * (SameSite=Strict), so the token never appears in a response body or in JavaScript.
 */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class AuthResource {

    static final int MAX_USERNAME = 128;
    static final int MAX_PASSWORD = 1024;

    /** The login form. */
    public record Login(String username, String password) {
    }

    /** Who signed in: never the token, which only travels in the cookie. */
    public record SignedIn(String name, String role) {
    }

    private final DownstreamClient client;
    private final SecurityIdentity identity;
    private final String cookieName;
    private final boolean secure;

    public AuthResource(DownstreamClient client, SecurityIdentity identity, AuthConfig auth, DashboardConfig config) {
        this.client = client;
        this.identity = identity;
        this.cookieName = auth.sessionCookie().orElseThrow(() -> new IllegalStateException(
                "aegis.auth.session-cookie must be set in the dashboard: it is where the login is kept"));
        this.secure = config.secureCookie();
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with a username and password (approval-service checks them); sets the session cookie")
    public Response login(Login body) {
        Violations violations = new Violations();
        String username = null;
        if (body == null) {
            violations.add("body", "is required");
        } else {
            username = Inputs.requiredText(body.username(), MAX_USERNAME, "username", violations);
            if (violations.required(body.password(), "password")) {
                violations.maxLength(body.password(), MAX_PASSWORD, "password");
            }
        }
        violations.throwIfAny();
        JsonNode session;
        try {
            session = client.post(Caller.NOBODY, Downstream.APPROVAL, "/api/auth/sessions",
                    new Login(username, body.password())).body();
        } catch (DownstreamException e) {
            if (e.downstreamStatus() == 401) {
                return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.APPLICATION_JSON)
                        .entity(ApiError.of(401, "Unauthorized", DownstreamClient.messageOf(e.body(), null, 401)))
                        .build();
            }
            throw e;
        }
        String token = session.path("token").asText("");
        if (token.isBlank()) {
            throw new DownstreamException(Downstream.APPROVAL, 0, "approval-service opened a session without a token",
                    null);
        }
        return Response.ok(new SignedIn(session.path("name").asText(), session.path("role").asText()))
                .cookie(cookie(token, secondsUntil(session.path("expiresAt").asText(null))))
                .build();
    }

    @POST
    @Path("logout")
    @Authenticated
    @Operation(summary = "Sign out: revokes the session at approval-service and clears the cookie")
    public Response logout() {
        Response.ResponseBuilder answer = Response.noContent();
        // Only a login is revoked: a caller using an API token here must not lose it by "signing out".
        if ("session".equals(Actors.via(identity))) {
            try {
                client.delete(Caller.of(identity), Downstream.APPROVAL, "/api/auth/sessions/current");
            } catch (DownstreamException e) {
                if (e.downstreamStatus() != 401) {
                    // The cookie goes anyway; the user is told the session may still be open at approval-service.
                    answer = Response.fromResponse(new DownstreamErrorMapper().downstream(e));
                }
            }
        }
        return answer.cookie(cookie("", 0)).build();
    }

    @GET
    @Path("me")
    @Authenticated
    @Operation(summary = "Who is signed in: name, strongest role, how (session or api-token) and every role granted")
    public WhoAmI me() {
        return WhoAmI.of(identity);
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(cookieName).value(value).path("/").maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** The cookie lives as long as the session; without an expiry from approval-service, as long as the browser. */
    static int secondsUntil(String expiresAt) {
        if (expiresAt == null || expiresAt.isBlank()) {
            return NewCookie.DEFAULT_MAX_AGE;
        }
        try {
            long seconds = Duration.between(OffsetDateTime.now(), OffsetDateTime.parse(expiresAt)).toSeconds();
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, seconds));
        } catch (DateTimeParseException e) {
            return NewCookie.DEFAULT_MAX_AGE;
        }
    }
}
