package io.aegisops.diagnosis;

import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.Severity;

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
}
