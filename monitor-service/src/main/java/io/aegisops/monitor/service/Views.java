package io.aegisops.monitor.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.IncidentView;
import io.aegisops.monitor.domain.Alert;
import io.aegisops.monitor.domain.Incident;

import java.util.List;

/** Converts entities to the contract's views: the single mapping used by both the REST API and the events. */
public final class Views {

    private static final TypeReference<List<String>> LINES = new TypeReference<>() {
    };

    private Views() {
    }

    public static IncidentView of(Incident incident) {
        return new IncidentView(incident.id.toString(), incident.target, incident.service, incident.container,
                incident.status, incident.severity, incident.alertTypeList(), incident.alertCount,
                incident.firstSeen, incident.lastSeen);
    }

    public static AlertView of(Alert alert) {
        return new AlertView(alert.id.toString(), alert.type, alert.source, alert.severity,
                alert.firing ? "firing" : "resolved", alert.service, alert.container, alert.summary,
                readTree(alert.metrics), readLines(alert.evidence), alert.fingerprint, alert.observedAt,
                alert.receivedAt);
    }

    static String json(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metrics are not JSON", e);
        }
    }

    private static List<String> readLines(String json) {
        try {
            return EventCodec.mapper().readValue(json, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence is not a JSON array", e);
        }
    }
}
