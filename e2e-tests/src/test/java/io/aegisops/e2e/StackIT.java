package io.aegisops.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.aegisops.e2e.Stack.at;
import static org.hamcrest.Matchers.equalTo;

/** The stack as a newcomer finds it after the start command: every service ready, documented and measured. */
class StackIT {

    @ParameterizedTest
    @ValueSource(strings = {"buggy", "monitor", "diagnosis", "remediation", "approval", "dashboard"})
    void shouldAnswerReadyWithOpenApiAndMetrics(String service) {
        String url = switch (service) {
            case "buggy" -> Stack.BUGGY;
            case "monitor" -> Stack.MONITOR;
            case "diagnosis" -> Stack.DIAGNOSIS;
            case "remediation" -> Stack.REMEDIATION;
            case "approval" -> Stack.APPROVAL;
            default -> Stack.DASHBOARD;
        };

        at(url).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        at(url).get("/q/openapi").then().statusCode(200);
        at(url).get("/q/metrics").then().statusCode(200);
    }
}
