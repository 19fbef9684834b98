package io.aegisops.diagnosis.rest;

import io.aegisops.diagnosis.service.LearningService;
import io.aegisops.kit.auth.Roles;
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

/** What the service has learnt from people: every pattern's decisions and its confidence now versus the rule's. */
@Path("/api/learning")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "learning")
public class LearningResource {

    /**
     * @param priorStrength n0: how many decisions a rule's own confidence is worth
     * @param minDecisions  k: patterns with fewer decisions keep the rule's confidence
     */
    public record Learning(boolean enabled, double priorStrength, int minDecisions,
                           List<LearningService.PatternView> patterns) {
    }

    private final LearningService learning;

    public LearningResource(LearningService learning) {
        this.learning = learning;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Learnt patterns (service, deciding alert type, action) with their decision counts and "
            + "confidence versus the rule's")
    public Learning list(@Parameter(description = "only this service's patterns") @QueryParam("service") String service) {
        String only = service == null || service.isBlank() ? null : service.trim();
        return new Learning(learning.config().enabled(), learning.config().priorStrength(),
                learning.config().minDecisions(), learning.patterns(only));
    }
}
