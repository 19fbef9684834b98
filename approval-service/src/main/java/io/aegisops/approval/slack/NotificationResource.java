package io.aegisops.approval.slack;

import io.aegisops.kit.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.aegisops.approval.domain.Notification;
import io.aegisops.approval.domain.NotificationStatus;
import io.aegisops.kit.rest.Violations;
import io.quarkus.panache.common.Parameters;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Every notification with its delivery status, attempts and last error: Slack trouble made visible. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class NotificationResource {

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "Notifications, an incident's in the order they happened, otherwise newest first",
            description = "incidentId: one incident (UUID); status: PENDING, DELIVERED, FAILED or LOGGED")
    public List<NotificationView> list(@QueryParam("incidentId") String incidentId,
                                       @QueryParam("status") String status, @QueryParam("limit") Integer limit) {
        Violations violations = new Violations();
        UUID incident = null;
        if (incidentId != null) {
            try {
                incident = UUID.fromString(incidentId.trim());
            } catch (IllegalArgumentException e) {
                violations.add("incidentId", "'" + incidentId + "' is not a UUID");
            }
        }
        NotificationStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = NotificationStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add("status", "'" + status + "' is not one of " + Arrays.toString(NotificationStatus.values()));
            }
        }
        int pageSize = limit == null ? 200 : limit;
        violations.check(pageSize >= 1 && pageSize <= 1000, "limit", "must be between 1 and 1000");
        violations.throwIfAny();
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (incident != null) {
            where.add("incidentId = :incident");
            parameters.and("incident", incident);
        }
        if (wanted != null) {
            where.add("status = :status");
            parameters.and("status", wanted);
        }
        String order = incident != null ? "order by occurredAt, seq" : "order by seq desc";
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + order;
        return Notification.<Notification>find(query, parameters).page(0, pageSize).list().stream()
                .map(NotificationView::of)
                .toList();
    }
}
