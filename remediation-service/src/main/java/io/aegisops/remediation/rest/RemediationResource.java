package io.aegisops.remediation.rest;

import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.rest.Violations;
import io.aegisops.remediation.service.RemediationQueries;
import io.aegisops.remediation.service.RemediationView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Remediation history for people, the dashboard and the end-to-end tests: decisions, actions and every step. */
@Path("/api/remediations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "remediations")
public class RemediationResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final RemediationQueries queries;

    public RemediationResource(RemediationQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Remediations with all their steps",
            description = "With incidentId: that incident's remediation (0 or 1 entries). Without: the newest first.")
    public List<RemediationView> list(
            @Parameter(description = "incident id (UUID)") @QueryParam("incidentId") String incidentId,
            @Parameter(description = "1-500, default 50; only without incidentId") @QueryParam("limit") Integer limit) {
        Violations violations = new Violations();
        UUID incident = incidentId == null ? null : uuid(incidentId, "incidentId", violations);
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        violations.check(pageSize >= 1 && pageSize <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT);
        violations.throwIfAny();
        return incident != null ? queries.byIncident(incident) : queries.recent(pageSize);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("{id}")
    @Operation(summary = "One remediation with all its steps")
    public RemediationView get(@PathParam("id") String id) {
        Violations violations = new Violations();
        UUID uuid = uuid(id, "id", violations);
        violations.throwIfAny();
        return queries.byId(uuid).orElseThrow(() -> new NotFoundException("remediation " + id + " does not exist"));
    }

    static UUID uuid(String value, String field, Violations violations) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
            violations.add(field, "'" + shown + "' is not a UUID");
            return null;
        }
    }
}
