package io.aegisops.dashboard.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.dashboard.client.Caller;
import io.aegisops.dashboard.client.Downstream;
import io.aegisops.dashboard.client.DownstreamClient;
import io.aegisops.dashboard.client.DownstreamException;
import io.aegisops.dashboard.config.DashboardConfig;
import io.aegisops.dashboard.service.ActivityLog;
import io.aegisops.dashboard.service.DownstreamWatch;
import io.aegisops.kit.auth.Actors;
import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.rest.Violations;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The fault buttons: inject buggy-app's faults and cure them, as the signed-in operator, so the room sees who broke
 * what. Parameters are checked here against buggy-app's own bounds. buggy-app checks no credentials, so the role is
 * enforced here and no token is passed to it ({@link Downstream#takesTokens()}).
 */
@Path("/api/faults")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "faults")
public class FaultResource {

    /** buggy-app's faults with the query parameter each takes, its default and bounds (see its FaultResource). */
    public enum Kind {
        MEMORY("mb", 220, 1, 1024, "MB of heap retained"),
        CPU("threads", 2, 1, 64, "busy threads"),
        LATENCY("ms", 3000, 1, 60000, "ms of lock wait per /work call"),
        CRASH("code", 137, 0, 255, "exit code");

        final String parameter;
        final int defaultValue;
        final int min;
        final int max;
        final String unit;

        Kind(String parameter, int defaultValue, int min, int max, String unit) {
            this.parameter = parameter;
            this.defaultValue = defaultValue;
            this.min = min;
            this.max = max;
            this.unit = unit;
        }

        String path() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A click on a fault button.
     *
     * @param value memory: MB (default 220); cpu: threads (2); latency: ms (3000); crash: exit code (137). The body
     *              may be left out (the default); an {@code actor} sent by an older page is ignored.
     */
    public record FaultRequest(Integer value) {
    }

    /** What was done: the fault, its value and buggy-app's answer. */
    public record FaultResult(String fault, Integer value, int status, JsonNode answer) {
    }

    private final DownstreamClient client;
    private final ActivityLog activity;
    private final DownstreamWatch watch;
    private final ManagedExecutor executor;
    private final SecurityIdentity identity;
    private final String target;
    private final Duration faultTimeout;

    public FaultResource(DownstreamClient client, ActivityLog activity, DownstreamWatch watch,
                         ManagedExecutor executor, DashboardConfig config, SecurityIdentity identity) {
        this.client = client;
        this.identity = identity;
        this.activity = activity;
        this.watch = watch;
        this.executor = executor;
        this.target = config.buggyTarget();
        this.faultTimeout = config.faultTimeout();
    }

    @GET
    @Operation(summary = "buggy-app's active faults")
    public JsonNode active() {
        return client.get(Caller.of(identity), Downstream.BUGGY, "/faults");
    }

    @POST
    @Path("{kind}")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Inject a fault into buggy-app: memory, cpu, latency or crash")
    public FaultResult inject(@PathParam("kind") String kind, FaultRequest body) {
        Violations violations = new Violations();
        Kind fault = kindOf(kind, violations);
        int value = 0;
        if (fault != null) {
            value = Inputs.intInRange(body == null ? null : body.value(), fault.defaultValue, fault.min, fault.max,
                    "value", violations);
        }
        violations.throwIfAny();
        String actor = Actors.describe(identity);
        String detail = value + " " + fault.unit;
        try {
            // 507: the leak filled the heap; the fault is in place, which is what was asked for.
            var reply = client.post(Caller.of(identity), Downstream.BUGGY, "/faults/" + fault.path() + "?" + fault.parameter + "=" + value,
                    null, Set.of(507), faultTimeout);
            activity.ok(actor, "injected the " + fault.path() + " fault", target, detail);
            refreshSoon();
            return new FaultResult(fault.path(), value, reply.status(), reply.body());
        } catch (DownstreamException e) {
            activity.failed(actor, "tried to inject the " + fault.path() + " fault", target, detail, e.getMessage());
            throw e;
        }
    }

    @POST
    @Path("reset")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cure every buggy-app fault (memory, cpu, latency)")
    public FaultResult reset(FaultRequest body) {
        String actor = Actors.describe(identity);
        try {
            var reply = client.post(Caller.of(identity), Downstream.BUGGY, "/faults/reset", null);
            activity.ok(actor, "reset the faults", target, null);
            refreshSoon();
            return new FaultResult("reset", null, reply.status(), reply.body());
        } catch (DownstreamException e) {
            activity.failed(actor, "tried to reset the faults", target, null, e.getMessage());
            throw e;
        }
    }

    /** The cards show the new fault state at once instead of at the next poll. */
    private void refreshSoon() {
        executor.execute(watch::refresh);
    }

    private static Kind kindOf(String kind, Violations violations) {
        try {
            return Kind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            violations.add("kind", "'" + kind + "' is not one of "
                    + Arrays.toString(Arrays.stream(Kind.values()).map(Kind::path).toArray()));
            return null;
        }
    }
}
