package io.aegisops.dashboard.rest;

import io.aegisops.kit.rest.Violations;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * Slack messages link to {@code <dashboard>/incidents/<id>} (approval-service's AEGIS_DASHBOARD_URL): this opens
 * the war room with that incident selected. Open to anyone: it only points at the page, which asks for a login.
 */
@Path("/incidents")
@PermitAll
@Tag(name = "room")
public class DeepLinkResource {

    @GET
    @Path("{id}")
    @Operation(summary = "Open the war room on one incident (the link in Slack messages)")
    public Response incident(@PathParam("id") String id) {
        Violations violations = new Violations();
        String incidentId = Inputs.uuid(id, "id", violations);
        violations.throwIfAny();
        return Response.seeOther(URI.create("/?incident=" + incidentId)).build();
    }
}
