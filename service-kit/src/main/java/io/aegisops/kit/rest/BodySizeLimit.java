package io.aegisops.kit.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * Refuses oversized bodies with a JSON 413 before anything is read. Vert.x' own hard limit
 * ({@code quarkus.http.limits.max-body-size}) stays as a backstop for bodies without a Content-Length, but
 * answers without a body; this filter names the limit.
 */
public class BodySizeLimit {

    /** Per-service request limits. */
    @ConfigMapping(prefix = "aegis.http")
    public interface Limits {
        /** Largest accepted request body in bytes. */
        @WithDefault("262144")
        long maxBodyBytes();
    }

    private final Limits limits;

    public BodySizeLimit(Limits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseOversized(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return Optional.empty();
        }
        long length;
        try {
            length = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Optional.of(error(Response.Status.BAD_REQUEST, "Content-Length '" + header + "' is not a number"));
        }
        if (length > limits.maxBodyBytes()) {
            return Optional.of(error(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "request body of " + length + " bytes exceeds the limit of " + limits.maxBodyBytes() + " bytes"));
        }
        return Optional.empty();
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(status.getStatusCode(), status.getReasonPhrase(), message)).build();
    }
}
