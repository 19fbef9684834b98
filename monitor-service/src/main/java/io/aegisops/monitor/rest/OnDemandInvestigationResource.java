package io.aegisops.monitor.rest;

import io.aegisops.kit.auth.Actors;
import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.rest.ApiError;
import io.aegisops.monitor.ondemand.EngineUnavailableException;
import io.aegisops.monitor.ondemand.InvestigationsBusyException;
import io.aegisops.monitor.ondemand.OnDemandInvestigations;
import io.aegisops.monitor.ondemand.OnDemandReport;
import io.aegisops.monitor.ondemand.OnDemandReports;
import io.aegisops.monitor.ondemand.TargetNotMonitoredException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * On-demand investigations: a person asks about a monitored target without an incident ("why is checkout slow?")
 * and gets the facts monitor-service observed with its read-only tools and the conclusion they support. Asking needs
 * {@code operator} (it makes engine calls) and the report names the authenticated principal as who asked; reading
 * reports needs {@code viewer}.
 */
@Path("/api/investigations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "investigations")
public class OnDemandInvestigationResource {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final OnDemandInvestigations investigations;
    private final OnDemandReports reports;
    private final SecurityIdentity identity;

    public OnDemandInvestigationResource(OnDemandInvestigations investigations, OnDemandReports reports,
                                         SecurityIdentity identity) {
        this.investigations = investigations;
        this.reports = reports;
        this.identity = identity;
    }

    /**
     * Body of a question. Who asked is the authenticated principal, never a field: an {@code actor} sent anyway is
     * ignored.
     *
     * @param target   container name or service ({@code aegis.service}, Compose service) of an opted-in container
     * @param question what to find out, 1–500 characters
     */
    public record Question(
            @NotBlank @Size(max = 255)
            @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String target,
            @NotBlank @Size(min = 1, max = 500) String question) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Investigate a monitored target now and answer a question about it",
            description = "Read-only: lists, inspects, reads logs and stats of the target's container and probes its "
                    + "aegis.health-url, judges every fault kind against those facts as an incident's investigation "
                    + "does, and answers the kinds the question's words point at first. Takes one to two seconds. "
                    + "The report's requestedBy is the authenticated principal.")
    @APIResponse(responseCode = "201", description = "The report; Location names it", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OnDemandReport.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; violations name it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404",
            description = "No opted-in (aegis.enable=true) container has that name or service",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "Too many on-demand investigations at once; see Retry-After",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "The Docker engine is not configured or did not answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApiError.class)))
    public Response ask(@Valid @NotNull Question body, @Context UriInfo uri) {
        try {
            OnDemandReport report = investigations.ask(body.target().strip(), body.question().strip(),
                    Actors.describe(identity));
            return Response.created(uri.getAbsolutePathBuilder().path(report.id()).build()).entity(report).build();
        } catch (TargetNotMonitoredException e) {
            return error(Response.Status.NOT_FOUND, e.getMessage()).build();
        } catch (InvestigationsBusyException e) {
            return error(Response.Status.TOO_MANY_REQUESTS, e.getMessage())
                    .header(HttpHeaders.RETRY_AFTER, InvestigationsBusyException.seconds(e.retryAfter())).build();
        } catch (EngineUnavailableException e) {
            return error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).build();
        }
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Past on-demand reports, newest first", description = "limit: 1-100, default 20")
    public List<OnDemandReport> list(
            @QueryParam("limit") @DefaultValue("20")
            @Pattern(regexp = "[1-9][0-9]?|100", message = "must be a whole number from 1 to 100") String limit) {
        // Text, not Integer: JAX-RS answers a query parameter it cannot convert with a bare 404.
        return reports.recent(Integer.parseInt(limit));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One on-demand report")
    @APIResponse(responseCode = "400", description = "id is not a UUID", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No on-demand report has this id", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public OnDemandReport get(@PathParam("id") @Pattern(regexp = UUID_PATTERN, message = "is not a UUID") String id) {
        return reports.find(UUID.fromString(id))
                .orElseThrow(() -> new NotFoundException("on-demand investigation " + id + " does not exist"));
    }

    private static Response.ResponseBuilder error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(status.getStatusCode(), status.getReasonPhrase(), message));
    }
}
