package io.aegisops.dashboard.rest;

import io.aegisops.crosssite.CrossSiteRequests;
import io.aegisops.kit.rest.ApiError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Refuses every state-changing request a browser sends on behalf of another site, before anyone is authenticated.
 * The session cookie is SameSite=Strict already; this is the second fence, for browsers or proxies that get SameSite
 * wrong and for same-site neighbours on other ports (cookies are not kept apart by port). The page's own calls,
 * curl and scripts with an API token are unaffected: they say same-origin or send no {@code Origin}.
 *
 * <p>The same rule as buggy-app's ({@link CrossSiteRequests}): a request whose {@code Sec-Fetch-Site} names another
 * site, or whose {@code Origin} is not the host it was sent to, is a 403 naming why. CORS stays off, so no other
 * origin can read an answer either.
 */
public class CrossSiteGuard {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseCrossSite(ContainerRequestContext request) {
        if (!CrossSiteRequests.unsafe(request.getMethod())) {
            return Optional.empty();
        }
        return CrossSiteRequests.reason(request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"),
                        request.getHeaderString("Host"))
                .map(why -> Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                        .entity(ApiError.of(403, "Forbidden", request.getMethod() + " refused: " + why
                                + ". The war room's actions are sent from its own page, or with an API token"))
                        .build());
    }
}
