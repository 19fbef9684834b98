package io.aegisops.monitor.rest;

import io.aegisops.contract.AppAlert;
import io.aegisops.kit.auth.Roles;
import io.aegisops.monitor.service.AlertmanagerAlerts;
import io.aegisops.monitor.service.AppAlerts;
import io.aegisops.monitor.service.AppliedAlert;
import io.aegisops.monitor.service.IncidentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Push intakes. Both answer 2xx only after the alerts are committed, so a sender that retries on failure
 * (Alertmanager retries on 5xx) never loses one; an invalid payload is refused whole with a 400. Senders are machines
 * with the {@code reporter} role (the app webhook, Alertmanager) or an operator posting by hand; a sender without a
 * token is 401 and creates nothing.
 */
@Path("/api/alerts")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts")
public class AlertResource {

    private final IncidentService incidents;

    public AlertResource(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** Answer of the Alertmanager intake. */
    public record Accepted(int accepted, int duplicates, List<AppliedAlert> alerts) {
    }

    @POST
    @RolesAllowed({Roles.REPORTER, Roles.OPERATOR})
    @Operation(summary = "Native alert JSON (sent by apps such as buggy-app)")
    public Response app(AppAlert alert) {
        AppliedAlert applied = incidents.acceptAll(List.of(AppAlerts.validate(alert))).get(0);
        return Response.accepted(applied).build();
    }

    @POST
    @Path("alertmanager")
    @RolesAllowed({Roles.REPORTER, Roles.OPERATOR})
    @Operation(summary = "Prometheus Alertmanager webhook (version 4)")
    public Accepted alertmanager(AlertmanagerWebhook webhook) {
        List<AppliedAlert> applied = incidents.acceptAll(AlertmanagerAlerts.validate(webhook));
        int duplicates = (int) applied.stream().filter(AppliedAlert::duplicate).count();
        return new Accepted(applied.size() - duplicates, duplicates, applied);
    }
}
