package io.aegisops.remediation.rest;

import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.rest.Violations;
import io.aegisops.remediation.service.RefusedDecisionView;
import io.aegisops.remediation.service.RefusedDecisions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Decision events remediation-service refused because approval-service did not sign them: attempts, for people. */
@Path("/api/refused-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "remediations")
public class RefusedDecisionResource {

    private final RefusedDecisions refused;

    public RefusedDecisionResource(RefusedDecisions refused) {
        this.refused = refused;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Decision events that were not applied, newest first, with the reason")
    public List<RefusedDecisionView> list(
            @Parameter(description = "incident id (UUID) the event claimed") @QueryParam("incidentId") String incidentId,
            @Parameter(description = "1-500, default 50") @QueryParam("limit") Integer limit) {
        Violations violations = new Violations();
        UUID incident = incidentId == null ? null : RemediationResource.uuid(incidentId, "incidentId", violations);
        int pageSize = limit == null ? RemediationResource.DEFAULT_LIMIT : limit;
        violations.check(pageSize >= 1 && pageSize <= RemediationResource.MAX_LIMIT, "limit",
                "must be between 1 and " + RemediationResource.MAX_LIMIT);
        violations.throwIfAny();
        return refused.list(incident, pageSize).stream().map(RefusedDecisionView::of).toList();
    }
}
