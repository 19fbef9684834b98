package io.aegisops.e2e;

import io.restassured.path.json.JsonPath;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static io.aegisops.e2e.Stack.at;

/** Reads and closes incidents through monitor-service's API, as an operator would. */
public final class Incidents {

    private Incidents() {
    }

    /** Every incident of a target opened at or after {@code since}, newest first. */
    public static List<Map<String, Object>> openedSince(String target, Instant since) {
        JsonPath body = at(Stack.MONITOR).queryParam("target", target).queryParam("limit", 1000)
                .get("/api/incidents").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> all = body.getList("$");
        return all.stream()
                .filter(i -> !OffsetDateTime.parse((String) i.get("firstSeen")).toInstant().isBefore(since))
                .toList();
    }

    /** Closes whatever is open for the target so the next fault opens a fresh incident. */
    public static void resolveOpen(String target) {
        List<Map<String, Object>> open = at(Stack.MONITOR).queryParam("target", target)
                .queryParam("status", "OPEN,DIAGNOSED,AWAITING_APPROVAL,REMEDIATING,VERIFYING,FAILED,ESCALATED")
                .get("/api/incidents").then().statusCode(200).extract().jsonPath().getList("$");
        for (Map<String, Object> incident : open) {
            at(Stack.MONITOR).body(Map.of("reason", "reset before the next case"))
                    .post("/api/incidents/{id}/resolve", incident.get("id"));
        }
    }

    /**
     * What AegisOps knows about the target's incidents since {@code since}: status, alerts, timeline, investigation
     * verdicts, diagnoses and remediations. Attached to a timed-out wait so a failure in CI says where the incident
     * stopped instead of only that it did not arrive.
     */
    @SuppressWarnings("unchecked")
    public static String explain(String target, Instant since) {
        StringBuilder out = new StringBuilder("incidents of ").append(target).append(" since ").append(since).append(':');
        try {
            for (Map<String, Object> incident : openedSince(target, since)) {
                Object id = incident.get("id");
                out.append("\n- ").append(id).append(' ').append(incident.get("status")).append(" types=")
                        .append(incident.get("alertTypes")).append(" alerts=").append(incident.get("alertCount"));
                List<Map<String, Object>> timeline = at(Stack.MONITOR).get("/api/incidents/{id}", id).then()
                        .extract().jsonPath().getList("timeline");
                timeline.forEach(step -> out.append("\n    ").append(step.get("at")).append(' ')
                        .append(step.get("from")).append(" → ").append(step.get("to")).append(" by ")
                        .append(step.get("actor")).append(": ").append(step.get("reason")));
                List<Map<String, Object>> investigations = at(Stack.MONITOR)
                        .get("/api/incidents/{id}/investigations", id).then().extract().jsonPath().getList("$");
                investigations.forEach(inv -> {
                    Map<String, Object> report = (Map<String, Object>) inv.get("report");
                    out.append("\n    investigation ").append(inv.get("status"));
                    if (report != null) {
                        out.append(" claims=").append(report.get("claims"));
                        ((List<Map<String, Object>>) report.getOrDefault("facts", List.of())).forEach(fact ->
                                out.append("\n      fact ").append(fact.get("name")).append('=').append(fact.get("value")));
                    }
                });
                List<Map<String, Object>> diagnoses = at(Stack.DIAGNOSIS).queryParam("incidentId", id)
                        .get("/api/diagnoses").then().extract().jsonPath().getList("$");
                diagnoses.forEach(d -> out.append("\n    diagnosis r").append(d.get("revision")).append(' ')
                        .append(d.get("action")).append(" confidence=").append(d.get("confidence"))
                        .append(" corroborated=").append(d.get("corroborated")));
                Remediations.ofIncident((String) id).forEach(r -> out.append("\n    remediation ")
                        .append(r.get("action")).append(' ').append(r.get("state")).append(' ')
                        .append(Remediations.stages(r)));
            }
        } catch (RuntimeException | AssertionError e) {
            out.append("\n(could not read everything: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    public static List<String> alertTypes(Map<String, Object> incident) {
        return (List<String>) incident.get("alertTypes");
    }
}
