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

    @SuppressWarnings("unchecked")
    public static List<String> alertTypes(Map<String, Object> incident) {
        return (List<String>) incident.get("alertTypes");
    }
}
