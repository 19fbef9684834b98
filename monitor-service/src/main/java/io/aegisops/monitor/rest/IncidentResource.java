package io.aegisops.monitor.rest;

import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.IncidentView;
import io.aegisops.kit.auth.Actors;
import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.rest.ApiError;
import io.aegisops.kit.rest.Violations;
import io.aegisops.monitor.investigation.InvestigationQueries;
import io.aegisops.monitor.investigation.InvestigationView;
import io.aegisops.monitor.postmortem.IncidentStillOpenException;
import io.aegisops.monitor.postmortem.PostmortemQueries;
import io.aegisops.monitor.postmortem.PostmortemWriter;
import io.aegisops.monitor.service.IncidentDetails;
import io.aegisops.monitor.service.IncidentQueries;
import io.aegisops.monitor.service.IncidentService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Incidents for people and for the dashboard: list, detail with evidence and timeline, investigations, the
 * postmortem of a closed one, manual resolve. Reading needs {@code viewer}; resolving needs {@code operator} and
 * records the authenticated principal as the actor.
 */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incidents")
public class IncidentResource {

    private final IncidentQueries queries;
    private final IncidentService incidents;
    private final InvestigationQueries investigations;
    private final PostmortemQueries postmortems;
    private final SecurityIdentity identity;

    public IncidentResource(IncidentQueries queries, IncidentService incidents, InvestigationQueries investigations,
                            PostmortemQueries postmortems, SecurityIdentity identity) {
        this.queries = queries;
        this.incidents = incidents;
        this.investigations = investigations;
        this.postmortems = postmortems;
        this.identity = identity;
    }

    /**
     * Body of a manual resolution. Who resolved is the authenticated principal, never a field: an {@code actor}
     * that older clients still send is ignored.
     *
     * @param reason why the incident is closed by hand, 1–1000 characters
     */
    public record Resolution(@NotBlank @Size(max = 1000) String reason) {
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List incidents, newest first",
            description = "status: one or more statuses, repeated or comma-separated; target: exact target")
    public List<IncidentView> list(@QueryParam("status") List<String> status, @QueryParam("target") String target,
                                   @QueryParam("limit") Integer limit) {
        Violations violations = new Violations();
        Set<IncidentStatus> statuses = parseStatuses(status, violations);
        int pageSize = limit == null ? 100 : limit;
        violations.check(pageSize >= 1 && pageSize <= 1000, "limit", "must be between 1 and 1000");
        violations.throwIfAny();
        return queries.list(statuses, target, pageSize);
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One incident with its alerts and timeline")
    public IncidentDetails get(@PathParam("id") String id) {
        UUID uuid = parseId(id);
        return queries.details(uuid).orElseThrow(() -> new NotFoundException("incident " + id + " does not exist"));
    }

    @GET
    @Path("{id}/investigations")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The incident's investigations, newest first",
            description = "One per alert type the incident gained; completed ones carry the facts monitor observed "
                    + "itself, whether each alert type's claim is corroborated by them, and every read made")
    public List<InvestigationView> investigations(@PathParam("id") String id) {
        UUID uuid = parseId(id);
        return investigations.ofIncident(uuid)
                .orElseThrow(() -> new NotFoundException("incident " + id + " does not exist"));
    }

    @GET
    @Path("{id}/postmortem")
    @RolesAllowed(Roles.VIEWER)
    @Produces(PostmortemWriter.MEDIA_TYPE)
    @Operation(summary = "The postmortem of a closed incident, in Markdown",
            description = "Summary, timeline, time to detect / diagnose / decide / act / resolve, cause (the latest "
                    + "diagnosis with its citations), evidence (alerts, the latest investigation's facts and claims), "
                    + "remediation steps, who decided what, and earlier closed incidents of the same target")
    @APIResponse(responseCode = "200", description = "The postmortem",
            content = @Content(mediaType = PostmortemWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "id is not a UUID", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "No incident has this id", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "The incident is still open; the message names its status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApiError.class)))
    public Response postmortem(@PathParam("id") String id) {
        UUID uuid = parseId(id);
        try {
            return postmortems.gather(uuid).map(inputs -> Response.ok(PostmortemWriter.write(inputs)).build())
                    .orElseThrow(() -> new NotFoundException("incident " + id + " does not exist"));
        } catch (IncidentStillOpenException e) {
            return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON)
                    .entity(ApiError.of(409, "Conflict", e.getMessage())).build();
        }
    }

    @POST
    @Path("{id}/resolve")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Close an incident by hand (e.g. fixed outside AegisOps)",
            description = "The timeline records the authenticated principal as the actor; an 'actor' field in the "
                    + "body is ignored.")
    public Response resolve(@PathParam("id") String id, @Valid @NotNull Resolution resolution) {
        UUID uuid = parseId(id);
        try {
            return incidents.transition(uuid, IncidentStatus.RESOLVED, Actors.describe(identity), resolution.reason(),
                            OffsetDateTime.now(ZoneOffset.UTC))
                    .map(i -> Response.ok(queries.details(uuid).orElseThrow()).build())
                    .orElseThrow(() -> new NotFoundException("incident " + id + " does not exist"));
        } catch (IllegalStateException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(ApiError.of(409, "Conflict", e.getMessage())).build();
        }
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            new Violations().add("id", "'" + id + "' is not a UUID").throwIfAny();
            throw e;
        }
    }

    private static Set<IncidentStatus> parseStatuses(List<String> raw, Violations violations) {
        Set<IncidentStatus> statuses = EnumSet.noneOf(IncidentStatus.class);
        if (raw == null) {
            return statuses;
        }
        raw.stream().flatMap(s -> Arrays.stream(s.split(","))).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(s -> {
                    try {
                        statuses.add(IncidentStatus.valueOf(s.toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        violations.add("status", "'" + s + "' is not one of " + Arrays.toString(IncidentStatus.values()));
                    }
                });
        return statuses;
    }
}
