package io.aegisops.approval.rest;

import io.aegisops.kit.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.aegisops.approval.service.ApprovalQueries;
import io.aegisops.approval.service.AuditView;
import io.aegisops.kit.rest.Violations;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** The audit trail of an incident's approvals: who decided or commented, when, what and why. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {

    private final ApprovalQueries queries;

    public AuditResource(ApprovalQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Every request, decision, escalation and comment of an incident, oldest first")
    public List<AuditView> ofIncident(@QueryParam("incidentId") String incidentId) {
        Violations violations = new Violations();
        UUID id = Params.uuid(incidentId, "incidentId", violations);
        violations.throwIfAny();
        return queries.auditOf(id);
    }
}
