package io.aegisops.diagnosis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.Claim;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.Fact;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.Investigation;
import io.aegisops.contract.Severity;
import io.aegisops.diagnosis.service.DiagnosisInput;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Turns a scenario into the {@link DiagnosisInput} diagnosis-service would hold for it: the incident, its alerts
 * and the investigation, with ids derived from the scenario id and fixed times, so two runs see the same input.
 */
final class ScenarioInput {

    /** When every scenario's first alert was observed; later alerts follow a second apart. */
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 12, 0, 0, 0, ZoneOffset.UTC);

    private ScenarioInput() {
    }

    static DiagnosisInput of(Scenario s) {
        List<AlertView> alerts = new ArrayList<>();
        for (int i = 0; i < s.alerts().size(); i++) {
            alerts.add(alert(s, i));
        }
        IncidentView incident = incident(s, alerts);
        return new DiagnosisInput(incident, alerts, s.investigated() ? investigation(s, incident, alerts) : null);
    }

    private static AlertView alert(Scenario s, int index) {
        Scenario.AlertSpec a = s.alerts().get(index);
        OffsetDateTime at = T0.plusSeconds(index);
        JsonNode metrics = a.metrics() == null ? EventCodec.mapper().createObjectNode() : a.metrics();
        return new AlertView(uuid(s.id() + "/alert/" + index), a.type(), a.source(),
                a.severity() == null ? Severity.WARNING : a.severity(), a.status() == null ? "firing" : a.status(),
                s.service(), container(s), a.summary(), metrics, a.evidence() == null ? List.of() : a.evidence(),
                s.id() + "-" + a.type(), at, at);
    }

    private static IncidentView incident(Scenario s, List<AlertView> alerts) {
        LinkedHashSet<AlertType> types = new LinkedHashSet<>();
        Severity severity = Severity.INFO;
        for (AlertView alert : alerts) {
            types.add(alert.type());
            severity = severity.max(alert.severity());
        }
        return new IncidentView(uuid(s.id() + "/incident"), s.service(), s.service(), container(s),
                IncidentStatus.OPEN, severity, List.copyOf(types), alerts.size(), T0,
                alerts.get(alerts.size() - 1).observedAt());
    }

    private static Investigation investigation(Scenario s, IncidentView incident, List<AlertView> alerts) {
        OffsetDateTime at = alerts.get(alerts.size() - 1).receivedAt().plusSeconds(1);
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < s.facts().size(); i++) {
            Scenario.FactSpec f = s.facts().get(i);
            facts.add(new Fact("F" + (i + 1), f.name(), f.source(), f.summary(), f.value(), at));
        }
        List<Claim> claims = s.claims().stream().map(c -> new Claim(c.alertType(), latestOf(alerts, c.alertType()),
                c.corroborated(), c.factIds(), c.reason())).toList();
        return new Investigation(uuid(s.id() + "/investigation"), incident.id(), incident.target(),
                incident.container(), alerts.get(alerts.size() - 1).id(), facts, claims, List.of(), at, at);
    }

    private static String latestOf(List<AlertView> alerts, AlertType type) {
        return alerts.stream().filter(a -> a.type() == type).reduce((first, second) -> second)
                .map(AlertView::id).orElse(null);
    }

    private static String container(Scenario s) {
        return s.service() + "-1";
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
