package io.aegisops.diagnosis.rest;

import io.aegisops.contract.Diagnosis;
import io.aegisops.diagnosis.service.DiagnosisQueries;
import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.rest.ApiError;
import io.aegisops.kit.rest.Violations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Diagnoses for people and the dashboard: every revision of an incident's diagnosis, or one by id. */
@Path("/api/diagnoses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "diagnoses")
public class DiagnosisResource {

    private final DiagnosisQueries queries;

    public DiagnosisResource(DiagnosisQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "All diagnosis revisions of an incident, newest first",
            description = "An incident that was never diagnosed (or is unknown) has an empty list.")
    @APIResponse(responseCode = "200", description = "The revisions, possibly none")
    @APIResponse(responseCode = "400", description = "incidentId missing or not a UUID",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public List<Diagnosis> ofIncident(
            @Parameter(description = "the incident (UUID)", required = true) @QueryParam("incidentId") String incidentId) {
        Violations violations = new Violations();
        violations.required(incidentId, "incidentId");
        violations.throwIfAny();
        return queries.ofIncident(uuid(incidentId, "incidentId"));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("{id}")
    @Operation(summary = "One diagnosis revision")
    @APIResponse(responseCode = "200", description = "The diagnosis")
    @APIResponse(responseCode = "400", description = "id is not a UUID",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No diagnosis has this id",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Diagnosis byId(@Parameter(description = "the diagnosis id (UUID)") @PathParam("id") String id) {
        return queries.byId(uuid(id, "id"))
                .orElseThrow(() -> new NotFoundException("diagnosis " + id + " does not exist"));
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            new Violations().add(field, "'" + value + "' is not a UUID").throwIfAny();
            throw e;
        }
    }
}
