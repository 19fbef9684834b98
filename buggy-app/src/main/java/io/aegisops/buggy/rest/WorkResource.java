package io.aegisops.buggy.rest;

import io.aegisops.buggy.work.Workload;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The demo workload callers (and the self-watch's probe) exercise; slow when the latency fault is active. */
@Path("/work")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "work", description = "The demo workload")
public class WorkResource {

    private final Workload workload;

    public WorkResource(Workload workload) {
        this.workload = workload;
    }

    @GET
    @Operation(summary = "Do some work", description = "Queries the simulated database, then hashes a few KB")
    public Workload.Result work() {
        try {
            return workload.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted while waiting for the row lock");
        }
    }
}
