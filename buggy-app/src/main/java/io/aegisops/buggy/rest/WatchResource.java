package io.aegisops.buggy.rest;

import io.aegisops.buggy.watch.SelfWatch;
import io.aegisops.buggy.watch.WatchStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Shows what the self-watch sees and what it told monitor-service: for people and for tests. */
@Path("/watch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "watch", description = "Self-watch state")
public class WatchResource {

    private final SelfWatch watch;

    public WatchResource(SelfWatch watch) {
        this.watch = watch;
    }

    @GET
    @Operation(summary = "Self-watch state", description = "Last sample, thresholds crossed, last alert per type "
            + "and delivery counters")
    public WatchStatus status() {
        return watch.status();
    }
}
