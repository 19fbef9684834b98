package io.aegisops.buggy.rest;

import io.aegisops.crosssite.CrossSiteRequests;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Refuses every state-changing request a web browser sends on behalf of another site. Exists because the faults are
 * plain POSTs without a body, exactly what any web page can send cross-origin without a CORS preflight: a page a
 * person happens to open must not be able to crash or leak the patient, while curl, the dashboard's server and the
 * self-watch keep working unchanged (they send no {@code Origin}).
 *
 * <p>The rule ({@link CrossSiteRequests}, shared with the dashboard): a request whose browser says it came from
 * another site, or whose origin is not the host it was sent to, is a 403 naming why. No CORS is configured, so no
 * other origin can read an answer either.
 */
public class CrossSiteGuard {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseCrossSite(ContainerRequestContext request) {
        if (!CrossSiteRequests.unsafe(request.getMethod())) {
            return Optional.empty();
        }
        return CrossSiteRequests.reason(request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"),
                        request.getHeaderString("Host"))
                .map(why -> refusal(request.getMethod(), request.getUriInfo(), why));
    }

    private static Response refusal(String method, UriInfo uri, String why) {
        return ErrorMappers.json(Response.Status.FORBIDDEN, method + " refused: " + why
                + ". Faults are triggered with curl, the dashboard or the API, not by another site's page", null, uri);
    }
}
