package io.aegisops.dashboard.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.dashboard.client.Caller;
import io.aegisops.dashboard.client.Downstream;
import io.aegisops.dashboard.client.DownstreamClient;
import io.aegisops.dashboard.client.DownstreamException;
import io.aegisops.dashboard.config.DashboardConfig;
import io.aegisops.dashboard.signin.OidcSignIn;
import io.aegisops.kit.auth.Actors;
import io.aegisops.kit.auth.AuthConfig;
import io.aegisops.kit.auth.WhoAmI;
import io.aegisops.kit.rest.ApiError;
import io.aegisops.kit.rest.Violations;
import io.aegisops.kit.text.Texts;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /** How one may sign in here, for the login page: always a password; the provider when it is configured. */
    public record SignInOptions(boolean password, boolean oidc, String provider) {
    }

    /** What approval-service trades for a session at the end of a sign-in through the provider. */
    public record OidcLogin(String idToken, String nonce) {
    }

    static final String FLOW_COOKIE = "aegis_oidc_flow";
    private static final Logger LOG = Logger.getLogger(AuthResource.class);

    private final DownstreamClient client;
    private final SecurityIdentity identity;
    private final String cookieName;
    private final boolean secure;
    private final OidcSignIn oidc;

    public AuthResource(DownstreamClient client, SecurityIdentity identity, AuthConfig auth, DashboardConfig config,
                        OidcSignIn oidc) {
        this.client = client;
        this.identity = identity;
        this.oidc = oidc;
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
        return Response.ok(new SignedIn(session.path("name").asText(), session.path("role").asText()))
                .cookie(sessionCookie(session))
                .build();
    }

    @GET
    @Path("options")
    @PermitAll
    @Operation(summary = "How one may sign in: a password, and the OIDC provider when AEGIS_OIDC_ISSUER is set")
    public SignInOptions options() {
        return new SignInOptions(true, oidc.enabled(), oidc.enabled() ? oidc.providerName() : null);
    }

    @GET
    @Path("oidc")
    @PermitAll
    @Operation(summary = "Start signing in through the OIDC provider: redirects the browser there (code flow, PKCE)")
    public Response startOidc(@Context UriInfo uri) {
        if (!oidc.enabled()) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON)
                    .entity(ApiError.of(404, "Not Found", "sign-in through an OIDC provider is off: set"
                            + " AEGIS_OIDC_ISSUER and AEGIS_OIDC_CLIENT_ID (dashboard and approval-service)")).build();
        }
        try {
            OidcSignIn.Started started = oidc.start(uri.getBaseUri());
            return Response.seeOther(started.authorizeAt())
                    .cookie(flowCookie(started.flowCookie(), (int) OidcSignIn.FLOW_TTL.toSeconds())).build();
        } catch (OidcSignIn.SignInFailed e) {
            return backToLogin(e.getMessage());
        }
    }

    @GET
    @Path("oidc/callback")
    @PermitAll
    @Operation(summary = "Where the OIDC provider sends the browser back: opens the session, then shows the war room")
    public Response finishOidc(@QueryParam("code") String code, @QueryParam("state") String state,
                               @QueryParam("error") String error,
                               @QueryParam("error_description") String errorDescription,
                               @CookieParam(FLOW_COOKIE) String flow, @Context UriInfo uri) {
        if (!oidc.enabled()) {
            return backToLogin("sign-in through an OIDC provider is off here");
        }
        if (error != null) {
            return backToLogin("the provider did not sign you in: " + Texts.shown(
                    errorDescription == null || errorDescription.isBlank() ? error : errorDescription, 200));
        }
        try {
            OidcSignIn.Finished finished = oidc.finish(code, state, flow, uri.getBaseUri());
            JsonNode session = client.post(Caller.NOBODY, Downstream.APPROVAL, "/api/auth/sessions/oidc",
                    new OidcLogin(finished.idToken(), finished.nonce())).body();
            return Response.seeOther(URI.create("/")).cookie(sessionCookie(session), flowCookie("", 0)).build();
        } catch (OidcSignIn.SignInFailed e) {
            return backToLogin(e.getMessage());
        } catch (DownstreamException e) {
            return backToLogin(e.downstreamStatus() >= 400 && e.downstreamStatus() < 500
                    ? DownstreamClient.messageOf(e.body(), null, e.downstreamStatus())
                    : "approval-service could not open the session: " + e.getMessage());
        }
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

    private NewCookie sessionCookie(JsonNode session) {
        String token = session.path("token").asText("");
        if (token.isBlank()) {
            throw new DownstreamException(Downstream.APPROVAL, 0, "approval-service opened a session without a token",
                    null);
        }
        return cookie(token, secondsUntil(session.path("expiresAt").asText(null)));
    }

    /**
     * The started sign-in's state, nonce and PKCE verifier. SameSite=Lax, not Strict: the browser must send it on the
     * provider's redirect back, a top-level navigation from another site; only the callback's path sees it.
     */
    private NewCookie flowCookie(String value, int maxAge) {
        return new NewCookie.Builder(FLOW_COOKIE).value(value).path("/api/auth/oidc").maxAge(maxAge).httpOnly(true)
                .secure(secure).sameSite(NewCookie.SameSite.LAX).build();
    }

    /** A failed sign-in goes back to the login page, which shows why; the half-done flow is forgotten. */
    private Response backToLogin(String why) {
        LOG.infof("OIDC sign-in not completed: %s", why);
        return Response.seeOther(URI.create("/?signin-error=" + URLEncoder.encode(why, StandardCharsets.UTF_8)))
                .cookie(flowCookie("", 0)).build();
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
