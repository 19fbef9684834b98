package io.aegisops.buggy.rest;

import io.aegisops.buggy.fault.CpuFault;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Turns every error the API can answer with into an {@link ErrorResponse}, in one place for all resources. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e, UriInfo uri) {
        return json(Response.Status.BAD_REQUEST, e.getMessage(), e.parameter(), uri);
    }

    @ServerExceptionMapper
    public Response tooManyThreads(CpuFault.TooManyThreadsException e, UriInfo uri) {
        return json(Response.Status.CONFLICT, e.getMessage(), "threads", uri);
    }

    /** Framework errors (unknown path, wrong method, wrong media type) get the same JSON shape. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return json(status, status.getReasonPhrase(), null, uri);
    }

    static Response json(Response.StatusType status, String message, String parameter, UriInfo uri) {
        ErrorResponse body = new ErrorResponse(status.getStatusCode(), status.getReasonPhrase(), message, parameter,
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""),
                OffsetDateTime.now(ZoneOffset.UTC));
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
