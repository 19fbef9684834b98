package io.aegisops.buggy.rest;

import io.aegisops.buggy.fault.ActiveFaults;
import io.aegisops.buggy.fault.CpuFault;
import io.aegisops.buggy.fault.CrashFault;
import io.aegisops.buggy.fault.Faults;
import io.aegisops.buggy.fault.LatencyFault;
import io.aegisops.buggy.fault.MemoryFault;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/**
 * Injects the faults the platform must learn to notice and heal. Everything lives in process memory, so a
 * restart cures all of it; {@code POST /faults/reset} is the same cure without the restart.
 */
@Path("/faults")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "faults", description = "Inject and clear faults")
public class FaultResource {

    private final Faults faults;
    private final MemoryFault memory;
    private final CpuFault cpu;
    private final LatencyFault latency;
    private final CrashFault crash;

    /** Answer of {@code POST /faults/memory}. */
    public record MemoryAnswer(int requestedMb, int addedMb, int retainedMb, boolean heapExhausted,
                               double heapUsedMb, double heapMaxMb) {
    }

    /** Answer of {@code POST /faults/cpu}. */
    public record CpuAnswer(int started, int threads, int availableProcessors) {
    }

    /** Answer of {@code POST /faults/latency}. */
    public record LatencyAnswer(long delayMs, Instant since, String mechanism) {
    }

    /** Answer of {@code POST /faults/crash}. */
    public record CrashAnswer(int exitCode, long exitInMs) {
    }

    public FaultResource(Faults faults, MemoryFault memory, CpuFault cpu, LatencyFault latency, CrashFault crash) {
        this.faults = faults;
        this.memory = memory;
        this.cpu = cpu;
        this.latency = latency;
        this.crash = crash;
    }

    @GET
    @Operation(summary = "What is active now", description = "Retained memory, busy threads, added latency, since when")
    public ActiveFaults active() {
        return faults.active();
    }

    @POST
    @Path("/memory")
    @Operation(summary = "Leak heap", description = "Allocates and keeps N MB more heap on every call")
    @APIResponse(responseCode = "200", description = "What is now retained")
    @APIResponse(responseCode = "400", description = "mb is not an integer between 1 and 1024",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "507", description = "The heap ran out; what could be allocated is kept")
    public Response memory(@QueryParam("mb") @Parameter(description = "MB to retain, 1..1024",
            schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "1024", defaultValue = "64")) String mb) {
        int amount = QueryParams.intInRange("mb", mb, 64, MemoryFault.MIN_MB, MemoryFault.MAX_MB);
        MemoryFault.Retention retention = memory.retain(amount);
        Runtime runtime = Runtime.getRuntime();
        double mib = 1024.0 * 1024.0;
        MemoryAnswer answer = new MemoryAnswer(retention.requestedMb(), retention.addedMb(), retention.retainedMb(),
                retention.heapExhausted(), (runtime.totalMemory() - runtime.freeMemory()) / mib,
                runtime.maxMemory() / mib);
        return Response.status(retention.heapExhausted() ? 507 : 200).entity(answer).build();
    }

    @POST
    @Path("/cpu")
    @Operation(summary = "Saturate CPU", description = "Starts N more busy-spinning threads (64 at most in total)")
    @APIResponse(responseCode = "200", description = "Threads now spinning")
    @APIResponse(responseCode = "400", description = "threads is not an integer between 1 and 64",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    @APIResponse(responseCode = "409", description = "More than 64 threads would spin",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public CpuAnswer cpu(@QueryParam("threads") @Parameter(description = "threads to start, 1..64; "
            + "default: available processors") String threads) {
        int processors = Runtime.getRuntime().availableProcessors();
        int count = QueryParams.intInRange("threads", threads, Math.min(processors, CpuFault.MAX_THREADS),
                CpuFault.MIN_THREADS, CpuFault.MAX_THREADS);
        int total = cpu.start(count);
        return new CpuAnswer(count, total, processors);
    }

    @POST
    @Path("/latency")
    @Operation(summary = "Slow down /work", description = "Each /work waits N ms more on a simulated database "
            + "row lock; concurrent calls queue behind one another, as with real lock contention")
    @APIResponse(responseCode = "200", description = "The delay now in force")
    @APIResponse(responseCode = "400", description = "ms is not an integer between 1 and 60000",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public LatencyAnswer latency(@QueryParam("ms") @Parameter(description = "delay in ms, 1..60000, default 2000") String ms) {
        int delay = QueryParams.intInRange("ms", ms, 2000, LatencyFault.MIN_MS, LatencyFault.MAX_MS);
        latency.inject(delay);
        return new LatencyAnswer(latency.delayMs(), latency.since(),
                "each /work holds the row lock orders#42 for the delay; callers queue for the lock");
    }

    @POST
    @Path("/crash")
    @Operation(summary = "Crash", description = "Answers 202, then the process exits with the code")
    @APIResponse(responseCode = "202", description = "The process is about to exit")
    @APIResponse(responseCode = "400", description = "code is not an integer between 0 and 255",
            content = @Content(schema = @Schema(implementation = ErrorResponse.class)))
    public Response crash(@QueryParam("code") @Parameter(description = "exit code, 0..255, default 137") String code) {
        int exitCode = QueryParams.intInRange("code", code, 137, CrashFault.MIN_EXIT_CODE, CrashFault.MAX_EXIT_CODE);
        long inMs = crash.schedule(exitCode, "crash requested through POST /faults/crash").toMillis();
        return Response.accepted(new CrashAnswer(exitCode, inMs)).build();
    }

    @POST
    @Path("/reset")
    @Operation(summary = "Clear every fault", description = "Frees retained memory, stops busy threads, "
            + "removes latency")
    public ActiveFaults reset() {
        return faults.reset();
    }
}
