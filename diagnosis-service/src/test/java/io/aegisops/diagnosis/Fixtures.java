package io.aegisops.diagnosis;

import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Claim;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.Fact;
import io.aegisops.contract.FactNames;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.Investigation;
import io.aegisops.contract.Severity;
import io.aegisops.contract.ToolCall;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Alerts and incidents as monitor-service publishes them, with only what a test cares about spelled out. */
public final class Fixtures {

    private Fixtures() {
    }

    public static AlertView alert(AlertType type) {
        return alert(type, Map.of());
    }

    public static AlertView alert(AlertType type, Map<String, Object> metrics, String... logLines) {
        return alert(type, type.name().toLowerCase().replace('_', ' ') + " on checkout", metrics, logLines);
    }

    public static AlertView alert(AlertType type, String summary, Map<String, Object> metrics, String... logLines) {
        return alertOf("checkout", type, summary, metrics, logLines);
    }

    /** An alert about another service than checkout, for tests that must not share learnt patterns. */
    public static AlertView alertOf(String service, AlertType type, String summary, Map<String, Object> metrics,
                                    String... logLines) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new AlertView(UUID.randomUUID().toString(), type, AlertSource.APP_WEBHOOK, Severity.WARNING, "firing",
                service, service + "-1", summary, EventCodec.mapper().valueToTree(metrics), List.of(logLines),
                "fp-" + type, now, now);
    }

    /** The incident as it stands after all {@code alerts} joined it. */
    public static IncidentView incident(String id, IncidentStatus status, List<AlertView> alerts) {
        return incidentOf("checkout", id, status, alerts);
    }

    public static IncidentView incidentOf(String service, String id, IncidentStatus status, List<AlertView> alerts) {
        LinkedHashSet<AlertType> types = new LinkedHashSet<>();
        alerts.forEach(a -> types.add(a.type()));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new IncidentView(id, service, service, service + "-1", status, Severity.WARNING,
                List.copyOf(types), alerts.size(), now, now);
    }

    public static IncidentView incident(List<AlertView> alerts) {
        return incident(UUID.randomUUID().toString(), IncidentStatus.OPEN, alerts);
    }

    public static AlertEvent alertEvent(String incidentId, IncidentStatus status, List<AlertView> alertsSoFar) {
        return new AlertEvent(incident(incidentId, status, alertsSoFar), alertsSoFar.get(alertsSoFar.size() - 1));
    }

    /** A fact as monitor-service reports it. */
    public static Fact fact(String id, String name, String source, Object value, String summary) {
        return new Fact(id, name, source, summary, EventCodec.mapper().valueToTree(value),
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** What an investigation of a running, healthy checkout container finds: running since long before, probe ok. */
    public static List<Fact> runningFacts() {
        return List.of(
                fact("F1", FactNames.STATE, "engine.inspect", "running", "State: running"),
                fact("F2", FactNames.STARTED_AT, "engine.inspect", "2026-01-01T00:00:00Z",
                        "Started at 2026-01-01T00:00:00Z"),
                fact("F3", FactNames.OOM_KILLED, "engine.inspect", false, "OOMKilled=false"),
                fact("F4", FactNames.LOGS, "engine.logs", List.of("GET /work 200"), "1 log line"),
                fact("F5", FactNames.PROBE_HEALTHY, "health.probe", true, "GET http://checkout:8080/health -> HTTP 200"));
    }

    /**
     * An investigation of the incident whose every alert type's claim is {@code corroborated} or not, citing the
     * first two facts.
     */
    public static Investigation investigation(String incidentId, List<AlertView> alerts, boolean corroborated,
                                              List<Fact> facts) {
        LinkedHashSet<AlertType> types = new LinkedHashSet<>();
        alerts.forEach(a -> types.add(a.type()));
        List<String> cited = facts.stream().limit(2).map(Fact::id).toList();
        List<Claim> claims = types.stream().map(type -> new Claim(type, alerts.get(alerts.size() - 1).id(),
                corroborated, cited, corroborated ? "the facts show it" : "the facts do not show it")).toList();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new Investigation(UUID.randomUUID().toString(), incidentId, "checkout", "checkout-1",
                alerts.get(alerts.size() - 1).id(), facts, claims,
                List.of(new ToolCall("inspect", "checkout-1", 3, "ok")), now, now);
    }

    public static CloudEvent investigationEvent(Investigation investigation) {
        return EventCodec.create("/aegisops/monitor-service", EventTypes.INVESTIGATION_COMPLETED,
                investigation.incidentId(), investigation.target(), investigation);
    }
}
