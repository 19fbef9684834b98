package io.aegisops.e2e;

import java.util.List;
import java.util.Map;

import static io.aegisops.e2e.Stack.at;

/** Reads remediation-service's record of what it decided and did for an incident. */
public final class Remediations {

    private Remediations() {
    }

    public static List<Map<String, Object>> ofIncident(String incidentId) {
        return at(Stack.REMEDIATION).queryParam("incidentId", incidentId).get("/api/remediations")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @SuppressWarnings("unchecked")
    public static List<String> stages(Map<String, Object> remediation) {
        return ((List<Map<String, Object>>) remediation.get("steps")).stream()
                .map(step -> (String) step.get("stage")).toList();
    }
}
