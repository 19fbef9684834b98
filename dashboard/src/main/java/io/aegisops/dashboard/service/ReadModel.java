package io.aegisops.dashboard.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.MalformedEventException;
import io.aegisops.dashboard.domain.IncidentEvent;
import io.aegisops.dashboard.domain.IncidentSummary;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The war room's memory: stores each event once and keeps every incident's card equal to the fold of all its
 * events. Lives in PostgreSQL, so a restarted dashboard shows what it showed before without replaying Kafka.
 */
@ApplicationScoped
public class ReadModel {

    private static final Logger LOG = Logger.getLogger(ReadModel.class);

    private final EntityManager entityManager;

    public ReadModel(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Stores the event and refolds its incident, inside the caller's transaction (the inbox's claim). An
     * investigation is stored bounded ({@link InvestigationBounds}): its facts carry raw log lines.
     *
     * @return the incident id when the event changed the read model; empty for a type the war room does not
     * show or an event already stored
     * @throws MalformedEventException when the event names no incident or its data is not its type's record
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> apply(CloudEvent event) {
        if (!IncidentFold.TYPES.contains(event.type())) {
            return Optional.empty();
        }
        if (event.data() == null || !event.data().isObject()) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type() + " has no data object");
        }
        String incidentId = incidentIdOf(event);
        JsonNode data = EventTypes.INVESTIGATION_COMPLETED.equals(event.type())
                ? InvestigationBounds.bounded(event.data()) : event.data();
        lock(incidentId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int inserted = entityManager.createNativeQuery("""
                        insert into incident_event (event_id, incident_id, type, source, occurred_at, received_at, data)
                        values (:id, :incident, :type, :source, :at, :received, :data)
                        on conflict (event_id) do nothing""")
                .setParameter("id", event.id())
                .setParameter("incident", incidentId)
                .setParameter("type", event.type())
                .setParameter("source", event.source())
                .setParameter("at", event.time() == null ? now : event.time())
                .setParameter("received", now)
                .setParameter("data", json(data))
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        entityManager.flush();
        refold(incidentId);
        return Optional.of(incidentId);
    }

    /** The stored card of an incident. */
    @Transactional
    public Optional<IncidentCard> card(String incidentId) {
        return Optional.ofNullable(entityManager.find(IncidentSummary.class, incidentId)).map(ReadModel::cardOf);
    }

    /** The card and timeline, refolded from the stored events; at most {@code maxEntries} newest entries. */
    @Transactional
    public Optional<IncidentDetail> detail(String incidentId, int maxEntries) {
        List<StoredEvent> events = events(incidentId);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        IncidentFold.Result result = IncidentFold.fold(incidentId, events);
        List<TimelineEntry> timeline = result.timeline();
        int omitted = Math.max(0, timeline.size() - maxEntries);
        return Optional.of(new IncidentDetail(result.card(), timeline.subList(omitted, timeline.size()), omitted));
    }

    /**
     * Incidents, newest opened first.
     *
     * @param statuses empty for all
     * @param target   null for all
     */
    @Transactional
    public List<IncidentCard> list(Set<IncidentStatus> statuses, String target, int limit) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        if (!statuses.isEmpty()) {
            where.append(" and s.status in :statuses");
        }
        if (target != null) {
            where.append(" and s.target = :target");
        }
        TypedQuery<IncidentSummary> query = entityManager.createQuery(
                "select s from IncidentSummary s " + where + " order by s.openedAt desc, s.id", IncidentSummary.class);
        if (!statuses.isEmpty()) {
            query.setParameter("statuses", statuses.stream().map(Enum::name).toList());
        }
        if (target != null) {
            query.setParameter("target", target);
        }
        return query.setMaxResults(limit).getResultList().stream().map(ReadModel::cardOf).toList();
    }

    /**
     * Refolds every incident from its stored events, one transaction each. Run at start-up so a dashboard
     * upgraded with a changed fold shows every incident the new way.
     *
     * @return incidents refolded
     */
    public int rebuildAll() {
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select distinct e.incidentId from IncidentEvent e", String.class).getResultList());
        int rebuilt = 0;
        for (String id : ids) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    lock(id);
                    refold(id);
                });
                rebuilt++;
            } catch (RuntimeException e) {
                LOG.warnf("Incident %s could not be refolded, its stored card stays: %s", id, e.getMessage());
            }
        }
        return rebuilt;
    }

    /**
     * Forgets closed incidents whose last event is older than the cutoff.
     *
     * @return incidents removed
     */
    @Transactional
    public int purgeClosedBefore(OffsetDateTime cutoff) {
        List<String> ids = entityManager.createQuery(
                        "select s.id from IncidentSummary s where s.closed = true and s.updatedAt < :cutoff", String.class)
                .setParameter("cutoff", cutoff)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        entityManager.createQuery("delete from IncidentEvent e where e.incidentId in :ids")
                .setParameter("ids", ids).executeUpdate();
        entityManager.createQuery("delete from IncidentSummary s where s.id in :ids")
                .setParameter("ids", ids).executeUpdate();
        return ids.size();
    }

    /** One incident at a time: concurrent consumers of different topics must not fold stale event sets. */
    private void lock(String incidentId) {
        entityManager.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(:id))) l")
                .setParameter("id", incidentId)
                .getSingleResult();
    }

    private void refold(String incidentId) {
        List<StoredEvent> events = events(incidentId);
        IncidentCard card = IncidentFold.fold(incidentId, events).card();
        IncidentSummary summary = entityManager.find(IncidentSummary.class, incidentId);
        boolean created = summary == null;
        if (created) {
            summary = new IncidentSummary();
            summary.id = incidentId;
        }
        summary.target = card.target();
        summary.status = card.status().name();
        summary.openedAt = card.openedAt();
        summary.updatedAt = card.updatedAt();
        summary.closed = card.closed();
        summary.view = json(card);
        if (created) {
            // After the fields are set: Hibernate takes an insert's values at persist time.
            entityManager.persist(summary);
        }
    }

    private List<StoredEvent> events(String incidentId) {
        return entityManager.createQuery("select e from IncidentEvent e where e.incidentId = :id", IncidentEvent.class)
                .setParameter("id", incidentId)
                .getResultList().stream()
                .map(e -> new StoredEvent(e.eventId, e.type, e.source, e.occurredAt, tree(e.data)))
                .toList();
    }

    /** The envelope's {@code incidentid}; for producers that left it out, the id inside the data. */
    static String incidentIdOf(CloudEvent event) {
        String id = event.incidentid();
        if (id == null || id.isBlank()) {
            JsonNode data = event.data();
            JsonNode inData = switch (event.type()) {
                case EventTypes.INCIDENT_STATUS_CHANGED -> data.path("id");
                case EventTypes.INCIDENT_OPENED, EventTypes.ALERT_JOINED, EventTypes.ALERT_RESOLVED ->
                        data.path("incident").path("id");
                default -> data.path("incidentId");
            };
            id = inData.isTextual() ? inData.asText() : null;
        }
        if (id == null || id.isBlank()) {
            throw new MalformedEventException("event " + event.id() + " of type " + event.type()
                    + " names no incident (no 'incidentid' attribute)");
        }
        if (id.length() > 100) {
            throw new MalformedEventException("event " + event.id() + " has an incident id longer than 100 characters");
        }
        return id.trim();
    }

    private static IncidentCard cardOf(IncidentSummary summary) {
        try {
            return EventCodec.mapper().readValue(summary.view, IncidentCard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored view of incident " + summary.id + " is unreadable: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event data is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
