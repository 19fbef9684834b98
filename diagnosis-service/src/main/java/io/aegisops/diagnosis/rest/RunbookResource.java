package io.aegisops.diagnosis.rest;

import io.aegisops.diagnosis.runbook.IndexedSection;
import io.aegisops.diagnosis.runbook.RunbookConfig;
import io.aegisops.diagnosis.runbook.RunbookHit;
import io.aegisops.diagnosis.runbook.RunbookIndex;
import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.rest.ApiError;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/** The runbook index for people and engines: what is indexed, and which sections answer a question. */
@Path("/api/runbooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "runbooks")
public class RunbookResource {

    private final RunbookIndex index;
    private final RunbookConfig config;

    public RunbookResource(RunbookIndex index, RunbookConfig config) {
        this.index = index;
        this.config = config;
    }

    /**
     * @param ready    false while the start-up indexer is still at work (sections then empty)
     * @param source   where the runbooks came from
     * @param model    the embedding model
     * @param sections every indexed section
     */
    public record Listing(boolean ready, String source, String model, List<Section> sections) {
    }

    /** One indexed section. */
    public record Section(String id, String runbook, String title, String section) {
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The indexed runbook sections")
    public Listing list() {
        return index.snapshot()
                .map(s -> new Listing(true, s.source(), s.model(), s.sections().stream().map(IndexedSection::section)
                        .map(r -> new Section(r.id(), r.runbook(), r.title(), r.section())).toList()))
                .orElseGet(() -> new Listing(false, null, null, List.of()));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("search")
    @Operation(summary = "The runbook sections closest to a question, best first",
            description = "Cosine similarity of all-MiniLM-L6-v2 embeddings blended with PostgreSQL's full-text rank.")
    @APIResponse(responseCode = "200", description = "The best sections")
    @APIResponse(responseCode = "400", description = "q blank or over 500 characters, or k not 1 to 10",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "The index is still being built, or retrieval is off",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public List<RunbookHit> search(
            @Parameter(description = "the question, in words", required = true)
            @QueryParam("q") @NotBlank @Size(max = 500) String q,
            @Parameter(description = "how many sections, 1 to 10") @QueryParam("k") @DefaultValue("3")
            @Pattern(regexp = "[1-9]|10", message = "must be a whole number from 1 to 10") String k) {
        if (!config.enabled()) {
            throw new ServiceUnavailableException("runbook retrieval is off (aegis.diagnosis.runbooks.enabled=false)");
        }
        if (!index.ready()) {
            throw new ServiceUnavailableException("the runbook index is still being built; try again in a few seconds");
        }
        return index.search(q, Integer.parseInt(k));
    }
}
