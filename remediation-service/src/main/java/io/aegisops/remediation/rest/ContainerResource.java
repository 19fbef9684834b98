package io.aegisops.remediation.rest;

import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.rest.Violations;
import io.aegisops.remediation.docker.EngineUnavailableException;
import io.aegisops.remediation.service.ContainerOverview;
import io.aegisops.remediation.service.ContainerView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.util.List;

/** The containers remediation may act on, with what it may still do to them. */
@Path("/api/containers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "containers")
public class ContainerResource {

    private static final Logger LOG = Logger.getLogger(ContainerResource.class);

    private final ContainerOverview overview;

    public ContainerResource(ContainerOverview overview) {
        this.overview = overview;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Opted-in containers: state, health, restart budget (used/left in the window), last action")
    public List<ContainerView> list(@Parameter(description = "only this target (logical service)")
                                    @QueryParam("target") String target) {
        Violations violations = new Violations();
        violations.check(target == null || (!target.isBlank() && target.length() <= 200), "target",
                "must be 1-200 characters");
        violations.throwIfAny();
        try {
            return overview.list(target);
        } catch (EngineUnavailableException e) {
            LOG.warnf("Containers overview unavailable: %s", e.getCause().getMessage());
            throw new ServiceUnavailableException(e.getMessage());
        }
    }
}
