package io.aegisops.diagnosis.rest;

import io.aegisops.diagnosis.similar.PastIncidents;
import io.aegisops.diagnosis.similar.SimilarIncident;
import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.rest.ApiError;
import io.aegisops.kit.rest.Violations;
import jakarta.validation.constraints.Pattern;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * The past incidents an incident resembles, with their similarity, for the dashboard and the postmortem: the same
 * search a diagnosis cites from, with room for more than the two a diagnosis cites.
 */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "similar incidents")
public class SimilarIncidentResource {

    private final PastIncidents pastIncidents;

    public SimilarIncidentResource(PastIncidents pastIncidents) {
        this.pastIncidents = pastIncidents;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("{id}/similar")
    @Operation(summary = "The closed incidents most similar to an incident, most similar first",
            description = "Cosine similarity of all-MiniLM-L6-v2 embeddings of the incident's diagnosis (target, "
                    + "alert types, root cause, action) and of each closed incident's, at least "
                    + "aegis.diagnosis.similar.min-similarity; ties (to two decimals) go to the same service. "
                    + "An incident without a diagnosis has none.")
    @APIResponse(responseCode = "200", description = "The similar past incidents, possibly none")
    @APIResponse(responseCode = "400", description = "id is not a UUID, or k not 1 to 10",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "This service has never heard of the incident",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "The embedding model is still loading, or the feature is off",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public List<SimilarIncident> similar(
            @Parameter(description = "the incident (UUID)") @PathParam("id") String id,
            @Parameter(description = "how many at most, 1 to 10") @QueryParam("k") @DefaultValue("5")
            @Pattern(regexp = "[1-9]|10", message = "must be a whole number from 1 to 10") String k) {
        UUID incidentId = uuid(id);
        if (!pastIncidents.config().enabled()) {
            throw new ServiceUnavailableException("similar past incidents are off (aegis.diagnosis.similar.enabled=false)");
        }
        if (!pastIncidents.ready()) {
            throw new ServiceUnavailableException("the embedding model is still loading; try again in a few seconds");
        }
        return pastIncidents.similarOf(incidentId, Integer.parseInt(k))
                .orElseThrow(() -> new NotFoundException("incident " + id + " is unknown to diagnosis-service"));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            new Violations().add("id", "'" + value + "' is not a UUID").throwIfAny();
            throw e;
        }
    }
}
