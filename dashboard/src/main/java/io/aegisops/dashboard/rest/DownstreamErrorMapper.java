package io.aegisops.dashboard.rest;

import io.aegisops.dashboard.client.DownstreamException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns a failed call to another service into a JSON answer the page shows as it is. A 4xx keeps its status
 * (the user's request was wrong or too late, e.g. 409 already decided); a 5xx or no answer becomes 502, since
 * the dashboard itself is fine.
 */
public class DownstreamErrorMapper {

    private static final Logger LOG = Logger.getLogger(DownstreamErrorMapper.class);

    @ServerExceptionMapper
    public Response downstream(DownstreamException e) {
        int theirs = e.downstreamStatus();
        Response.Status status = theirs >= 400 && theirs < 500 ? null : Response.Status.BAD_GATEWAY;
        int code = status == null ? theirs : status.getStatusCode();
        String reason = status == null ? reasonOf(theirs) : status.getReasonPhrase();
        if (status != null) {
            LOG.warnf("%s", e.getMessage());
        }
        return Response.status(code).type(MediaType.APPLICATION_JSON)
                .entity(new DownstreamError(code, reason, e.getMessage(), e.service().serviceName(),
                        e.unreachable() ? null : theirs, e.body()))
                .build();
    }

    private static String reasonOf(int code) {
        Response.Status known = Response.Status.fromStatusCode(code);
        return known == null ? "Client Error" : known.getReasonPhrase();
    }
}
