package io.aegisops.dashboard.rest;

import io.aegisops.kit.rest.ApiError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses every state-changing request a browser sends on behalf of another site, before anyone is authenticated.
 * The session cookie is SameSite=Strict already; this is the second fence, for browsers or proxies that get SameSite
 * wrong and for same-site neighbours on other ports (cookies are not kept apart by port). The page's own calls,
 * curl and scripts with an API token are unaffected: they say same-origin or send no {@code Origin}.
 *
 * <p>The same rule as buggy-app's {@code CrossSiteGuard} (which cannot share code with service-kit): a request whose
 * {@code Sec-Fetch-Site} names another site, or whose {@code Origin} is not the host it was sent to, is a 403 naming
 * why. CORS stays off, so no other origin can read an answer either.
 */
public class CrossSiteGuard {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** {@code Sec-Fetch-Site} values of requests a person made here: typed, bookmarked, or from this very origin. */
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseCrossSite(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return reason(request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"),
                request.getHeaderString("Host"))
                .map(why -> Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                        .entity(ApiError.of(403, "Forbidden", request.getMethod() + " refused: " + why
                                + ". The war room's actions are sent from its own page, or with an API token"))
                        .build());
    }

    /**
     * Why a state-changing request must be refused, from the headers a browser adds; empty when it may go on.
     *
     * @param fetchSite the {@code Sec-Fetch-Site} header (null when absent: not a modern browser, or not a browser)
     * @param origin    the {@code Origin} header (null when absent)
     * @param host      the {@code Host} header the request was sent with
     */
    static Optional<String> reason(String fetchSite, String origin, String host) {
        if (fetchSite != null && !OWN_FETCH_SITES.contains(fetchSite.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("the browser reports it was sent from another site (Sec-Fetch-Site: "
                    + fetchSite.trim() + ")");
        }
        if (origin == null) {
            return Optional.empty();
        }
        String authority = authorityOf(origin.trim());
        if (authority == null || host == null || !authority.equalsIgnoreCase(host.trim())) {
            return Optional.of("it was sent from the web page of another origin (Origin: " + origin.trim() + ")");
        }
        return Optional.empty();
    }

    /** host[:port] of an origin, or null for "null" and anything that is not an origin. */
    private static String authorityOf(String origin) {
        try {
            URI uri = URI.create(origin);
            return uri.getScheme() == null || uri.getRawAuthority() == null ? null : uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
