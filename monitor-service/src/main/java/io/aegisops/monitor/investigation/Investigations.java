package io.aegisops.monitor.investigation;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.Investigation;
import io.aegisops.contract.Topics;
import io.aegisops.kit.outbox.Outbox;
import io.aegisops.monitor.domain.Alert;
import io.aegisops.monitor.domain.Incident;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The investigation rows: asked for in the alert's transaction, read by the runner, completed once. Exists so the
 * rule "announced exactly once, whoever gathers it" lives in one conditional update: replicas, the sweep and the
 * wake-up may all gather the same investigation, only the first to complete it publishes.
 */
@ApplicationScoped
public class Investigations {

    private final Outbox outbox;
    private final Event<InvestigationRequested> requested;

    public Investigations(Outbox outbox, Event<InvestigationRequested> requested) {
        this.outbox = outbox;
        this.requested = requested;
    }

    /** Asks for an investigation of {@code incident} because of {@code alert}, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID request(Incident incident, Alert alert) {
        StoredInvestigation row = new StoredInvestigation();
        row.id = UUID.randomUUID();
        row.incidentId = incident.id;
        row.triggerAlertId = alert.id;
        row.alertType = alert.type;
        row.status = InvestigationStatus.PENDING;
        row.requestedAt = OffsetDateTime.now(ZoneOffset.UTC);
        row.persist();
        requested.fire(new InvestigationRequested(row.id));
        return row.id;
    }

    /** Pending investigations asked for before {@code cutoff}, oldest first. */
    @Transactional
    public List<UUID> pendingBefore(OffsetDateTime cutoff, int limit) {
        return StoredInvestigation.<StoredInvestigation>find("status = ?1 and requestedAt < ?2",
                        Sort.ascending("requestedAt"), InvestigationStatus.PENDING, cutoff)
                .page(Page.ofSize(limit)).list().stream().map(row -> row.id).toList();
    }

    /** What gathering needs, or empty when the investigation is unknown or already completed. */
    @Transactional
    public Optional<InvestigationContext> context(UUID id) {
        return StoredInvestigation.<StoredInvestigation>findByIdOptional(id)
                .filter(row -> row.status == InvestigationStatus.PENDING)
                .flatMap(row -> Incident.<Incident>findByIdOptional(row.incidentId).map(incident ->
                        new InvestigationContext(row.id, incident.id.toString(), incident.target, incident.container,
                                row.triggerAlertId.toString(), claimed(incident))));
    }

    /** The latest firing alert of each type the incident has, in the incident's first-seen order of types. */
    private static List<ClaimedAlert> claimed(Incident incident) {
        Map<AlertType, Alert> latest = new EnumMap<>(AlertType.class);
        Alert.latestFiringPerType(incident.id).forEach(a -> latest.put(a.type, a));
        return incident.alertTypeList().stream().filter(latest::containsKey).map(latest::get)
                .map(a -> new ClaimedAlert(a.type, a.id.toString(), a.observedAt, a.receivedAt))
                .toList();
    }

    /**
     * Stores the report and announces it, only if the investigation was still pending.
     *
     * @return true when this call completed it; false when someone else already had
     */
    @Transactional
    public boolean complete(InvestigationContext context, Investigation investigation) {
        int updated = StoredInvestigation.update(
                "status = ?1, payload = ?2, completedAt = ?3 where id = ?4 and status = ?5",
                InvestigationStatus.COMPLETED, EventCodec.mapper().valueToTree(investigation).toString(),
                OffsetDateTime.now(ZoneOffset.UTC), context.id(), InvestigationStatus.PENDING);
        if (updated == 1) {
            outbox.publish(Topics.ALERTS, EventTypes.INVESTIGATION_COMPLETED, context.incidentId(), context.target(),
                    investigation);
        }
        return updated == 1;
    }
}
