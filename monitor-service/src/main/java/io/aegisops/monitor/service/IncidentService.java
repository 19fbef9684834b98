package io.aegisops.monitor.service;

import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertSource;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.Topics;
import io.aegisops.kit.outbox.Outbox;
import io.aegisops.monitor.domain.Alert;
import io.aegisops.monitor.domain.Incident;
import io.aegisops.monitor.domain.IncidentTransition;
import io.aegisops.monitor.investigation.Investigations;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Groups alerts into incidents: one open incident per target. Alerts, incident changes and their events
 * are written in one transaction (the events through the outbox), so what is stored and what is announced
 * never diverge. The database's partial unique index settles races between concurrent intakes: the loser
 * retries and joins the winner's incident.
 *
 * <p>An alert that opens an incident, or brings it a type it did not have, asks for an investigation in the same
 * transaction: the claim is checked against what the engine shows before anything acts on it. A storm of one type
 * asks once, because the incident row is locked while its alerts apply.
 */
@ApplicationScoped
public class IncidentService implements AlertSink {

    private static final Logger LOG = Logger.getLogger(IncidentService.class);
    private static final int ATTEMPTS = 3;
    private static final String UNIQUE_VIOLATION = "23505";

    private final Outbox outbox;
    private final MeterRegistry registry;
    private final Investigations investigations;

    public IncidentService(Outbox outbox, MeterRegistry registry, Investigations investigations) {
        this.outbox = outbox;
        this.registry = registry;
        this.investigations = investigations;
    }

    @Override
    public String accept(NewAlert alert) {
        return acceptAll(List.of(alert)).get(0).incidentId();
    }

    /** Applies all alerts atomically: when this returns they are all durable; when it throws, none is. */
    public List<AppliedAlert> acceptAll(List<NewAlert> alerts) {
        for (int attempt = 1; ; attempt++) {
            try {
                List<AppliedAlert> applied = QuarkusTransaction.requiringNew()
                        .call(() -> alerts.stream().map(this::apply).toList());
                alerts.forEach(a -> registry.counter("aegis.monitor.alerts", "source", a.source().name(),
                        "type", a.type().name()).increment());
                return applied;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isUniqueViolation(e)) {
                    throw e;
                }
                LOG.debugf("Concurrent intake for the same target, retrying (attempt %d): %s", attempt, e.getMessage());
            }
        }
    }

    private AppliedAlert apply(NewAlert input) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String dedupKey = dedupKeyOf(input);
        if (dedupKey != null && Alert.existsWithDedupKey(dedupKey)) {
            return new AppliedAlert(null, null, false, true);
        }
        if (!input.firing()) {
            return applyResolved(input, dedupKey, now);
        }
        Optional<Incident> open = Incident.findOpenForUpdate(input.target());
        Incident incident = open.orElseGet(() -> open(input, now));
        boolean newType = open.isEmpty() || !incident.alertTypeList().contains(input.type());
        if (open.isPresent()) {
            join(incident, input);
        }
        // A condition firing (again): whatever had resolved at its source does not resolve the incident any more.
        incident.sourcesResolvedAt = null;
        Alert alert = store(input, incident, dedupKey, now);
        outbox.publish(Topics.ALERTS, open.isEmpty() ? EventTypes.INCIDENT_OPENED : EventTypes.ALERT_JOINED,
                incident.id.toString(), incident.target, new AlertEvent(Views.of(incident), Views.of(alert)));
        if (newType) {
            investigations.request(incident, alert);
        }
        return new AppliedAlert(alert.id.toString(), incident.id.toString(), open.isEmpty(), false);
    }

    /**
     * A resolved external alert is evidence, not a new fault: it attaches to the target's latest incident. On an open
     * one it goes on the timeline, and when it was the last alert still firing the incident starts its quiet period
     * towards resolving at the source ({@link SourceResolution}).
     */
    private AppliedAlert applyResolved(NewAlert input, String dedupKey, OffsetDateTime now) {
        Optional<Incident> incident = Incident.findOpenForUpdate(input.target())
                .or(() -> Incident.findLatest(input.target()));
        Alert alert = store(input, incident.orElse(null), dedupKey, now);
        incident.filter(i -> !i.status.isClosed()).ifPresent(open -> noteResolved(open, input, now));
        incident.ifPresent(i -> outbox.publish(Topics.ALERTS, EventTypes.ALERT_RESOLVED, i.id.toString(),
                i.target, new AlertEvent(Views.of(i), Views.of(alert))));
        return new AppliedAlert(alert.id.toString(), incident.map(i -> i.id.toString()).orElse(null), false, false);
    }

    private static void noteResolved(Incident incident, NewAlert input, OffsetDateTime now) {
        String reason = input.type() + " resolved at its source (" + input.source() + "): " + input.summary();
        if (incident.sourcesResolvedAt == null && Alert.allResolvedAtSource(incident.id)) {
            // Marked whatever the status: an action under way decides first, and if it ends without a fix
            // (escalated) the quiet period has already been running.
            incident.sourcesResolvedAt = now;
            reason += "; no alert of the incident fires any more: it resolves itself after the quiet period "
                    + "unless one fires again or an action under way decides first";
        }
        record(incident, incident.status, incident.status, actorOf(input.source()), reason, now);
    }

    private Incident open(NewAlert input, OffsetDateTime now) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.target = input.target();
        incident.service = input.service();
        incident.container = input.container();
        incident.status = IncidentStatus.OPEN;
        incident.severity = input.severity();
        incident.alertTypes = input.type().name();
        incident.alertCount = 1;
        incident.firstSeen = input.observedAt();
        incident.lastSeen = input.observedAt();
        incident.openedAt = now;
        incident.persist();
        record(incident, null, IncidentStatus.OPEN, actorOf(input.source()),
                input.type() + " from " + input.source() + ": " + input.summary(), now);
        return incident;
    }

    private static void join(Incident incident, NewAlert input) {
        incident.alertCount++;
        incident.addAlertType(input.type());
        incident.severity = incident.severity.max(input.severity());
        if (input.observedAt().isAfter(incident.lastSeen)) {
            incident.lastSeen = input.observedAt();
        }
        if (input.observedAt().isBefore(incident.firstSeen)) {
            incident.firstSeen = input.observedAt();
        }
        if (incident.service == null) {
            incident.service = input.service();
        }
        if (input.container() != null) {
            incident.container = input.container();
        }
    }

    private static Alert store(NewAlert input, Incident incident, String dedupKey, OffsetDateTime now) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.incident = incident;
        alert.type = input.type();
        alert.source = input.source();
        alert.severity = input.severity();
        alert.firing = input.firing();
        alert.service = input.service();
        alert.container = input.container();
        alert.summary = input.summary();
        alert.metrics = Views.json(input.metrics() == null ? Map.of() : input.metrics());
        alert.evidence = Views.json(input.evidence() == null ? List.of() : input.evidence());
        alert.fingerprint = input.fingerprint();
        alert.dedupKey = dedupKey;
        alert.observedAt = input.observedAt();
        alert.receivedAt = now;
        alert.persist();
        return alert;
    }

    /**
     * Moves an incident to a new status, recording who and why, and announces it. Joins the caller's
     * transaction (a Kafka consumer's inbox claim) or starts one (a REST call).
     *
     * @return the incident, or empty when it does not exist
     * @throws IllegalStateException when the incident is already closed
     */
    @Transactional
    public Optional<Incident> transition(UUID id, IncidentStatus to, String actor, String reason, OffsetDateTime at) {
        Optional<Incident> found = Incident.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
        found.ifPresent(incident -> {
            if (incident.status.isClosed()) {
                throw new IllegalStateException("incident " + id + " is already " + incident.status);
            }
            IncidentStatus from = incident.status;
            incident.status = to;
            if (to.isClosed()) {
                incident.closedAt = at;
            }
            record(incident, from, to, actor, reason, at);
            outbox.publish(Topics.ALERTS, EventTypes.INCIDENT_STATUS_CHANGED, incident.id.toString(),
                    incident.target, Views.of(incident));
        });
        return found;
    }

    /** Adds a timeline entry that does not change the status (e.g. a revised diagnosis, a comment). */
    @Transactional
    public void note(UUID id, String actor, String reason, OffsetDateTime at) {
        Incident.<Incident>findByIdOptional(id)
                .ifPresent(incident -> record(incident, incident.status, incident.status, actor, reason, at));
    }

    private static void record(Incident incident, IncidentStatus from, IncidentStatus to, String actor,
                               String reason, OffsetDateTime at) {
        IncidentTransition transition = new IncidentTransition();
        transition.incidentId = incident.id;
        transition.fromStatus = from;
        transition.toStatus = to;
        transition.actor = actor;
        transition.reason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        transition.at = at;
        transition.persist();
    }

    private static String actorOf(AlertSource source) {
        return "monitor-service (" + source.name().toLowerCase().replace('_', '-') + ")";
    }

    /**
     * Alertmanager redelivers a notification when it did not get a 2xx in time; the same alert episode
     * (fingerprint, start, status) must be stored once. The Docker event watcher replays the engine's events after a
     * restart from its last saved position, which may be a little behind its last alert: one engine event (container,
     * type, time) is stored once. Other sources never redeliver.
     */
    static String dedupKeyOf(NewAlert input) {
        return switch (input.source()) {
            case ALERTMANAGER -> "am:" + input.fingerprint() + ":" + input.observedAt().toInstant() + ":"
                    + (input.firing() ? "firing" : "resolved");
            case DOCKER_EVENT -> "event:" + input.fingerprint() + ":" + input.observedAt().toInstant();
            default -> null;
        };
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
