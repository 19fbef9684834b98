package io.aegisops.buggy.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses every state-changing request a web browser sends on behalf of another site. Exists because the faults are
 * plain POSTs without a body, exactly what any web page can send cross-origin without a CORS preflight: a page a
 * person happens to open must not be able to crash or leak the patient, while curl, the dashboard's server and the
 * self-watch keep working unchanged (they send no {@code Origin}).
 *
 * <p>Browsers mark such requests themselves: {@code Sec-Fetch-Site} names where the request came from, and
 * {@code Origin} is sent on every cross-origin POST. A request that says it came from another site, or whose origin
 * is not the host it was sent to, is a 403 naming why. No CORS is configured, so no other origin can read an answer
 * either.
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
                .map(why -> refusal(request.getMethod(), request.getUriInfo(), why));
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

    private static Response refusal(String method, UriInfo uri, String why) {
        return ErrorMappers.json(Response.Status.FORBIDDEN, method + " refused: " + why
                + ". Faults are triggered with curl, the dashboard or the API, not by another site's page", null, uri);
    }
}
