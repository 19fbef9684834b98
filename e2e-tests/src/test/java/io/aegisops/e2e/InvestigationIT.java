package io.aegisops.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.aegisops.e2e.Stack.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Asking AegisOps about a target without an incident, on the running stack: monitor-service reads the real
 * buggy-app container and answers with facts, a conclusion and the facts it cites; the war room asks through the
 * dashboard and lists the report.
 */
class InvestigationIT {

    @Test
    void shouldInvestigateTheRunningAppOnDemandAndCiteOnlyFactsItGathered() {
        JsonPath report = at(Stack.MONITOR).contentType(ContentType.JSON)
                .body(Map.of("target", "buggy-app", "question", "why is it slow?"))
                .post("/api/investigations")
                .then().statusCode(201).extract().jsonPath();

        List<String> factIds = report.getList("facts.id");
        assertThat(report.getString("container")).isNotBlank();
        assertThat(report.getList("facts.name", String.class)).contains("state");
        assertThat(report.getList("toolCalls.tool", String.class)).contains("inspect", "logs");
        assertThat(report.getString("conclusion.summary")).isNotBlank();
        assertThat(report.getList("citations.ref", String.class)).isNotEmpty().allMatch(factIds::contains);

        at(Stack.MONITOR).get("/api/investigations/" + report.getString("id"))
                .then().statusCode(200).body("question", equalTo("why is it slow?"));
    }

    @Test
    void shouldRefuseATargetThatDidNotOptInWithAnErrorNamingIt() {
        at(Stack.MONITOR).contentType(ContentType.JSON)
                .body(Map.of("target", "postgres", "question", "is it up?"))
                .post("/api/investigations")
                .then().statusCode(404).body("message", containsString("postgres"));
    }
}
