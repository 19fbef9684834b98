package io.aegisops.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aegisops.contract.EventCodec;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.aegisops.e2e.Stack.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Humans in the loop on the running stack. A latency fault is diagnosed with a confidence that needs a
 * human (latency-lock, 0.70), so remediation asks approval-service; the cases then approve over REST, reject,
 * or approve with a signed Slack click, and check what happened to the incident and the container. The target
 * is a buggy-app instance of this class (its own service name, so patterns learnt by other classes do not
 * carry over; its three decisions are at most the min-decisions (3) before learning moves a pattern).
 *
 * <p>The stack must run approval-service against the Slack stand-in: {@code ./aegisops test} adds
 * deploy/e2e/slack-standin.yml, whose {@code SLACK_SIGNING_SECRET} is the default of
 * {@code -Daegis.e2e.slack-signing-secret} below.
 */
class ApprovalIT {

    private static final String SLACK = System.getProperty("aegis.e2e.slack-url", "http://localhost:8085");
    private static final String SIGNING_SECRET = System.getProperty("aegis.e2e.slack-signing-secret",
            "aegis-e2e-signing-secret");
    private static final Duration DECISION = Duration.ofSeconds(60);
    private static final Duration HEALING = Duration.ofSeconds(120);

    @RegisterExtension
    static final OwnBuggyApp TARGET = OwnBuggyApp.labelled("e2e-approval", Map.of("aegis.policy", "auto"));

    @Test
    void shouldResolveALatencyIncidentOnceAHumanApprovesTheRestart() {
        String startedBefore = TARGET.app().startedAt();
        Map<String, Object> approval = latencyAwaitingApproval();

        Stack.Credentials approver = Stack.person("e2e-approver", "approver");
        Stack.as(approver, Stack.APPROVAL).body(Map.of("decision", "APPROVE", "reason", "lock confirmed"))
                .post("/api/approvals/{id}/decision", approval.get("id")).then().statusCode(200);

        awaitIncidentStatus((String) approval.get("incidentId"), "RESOLVED", HEALING);
        assertThat(TARGET.app().startedAt()).as("the container was restarted").isNotEqualTo(startedBefore);
        List<Map<String, Object>> audit = at(Stack.APPROVAL).queryParam("incidentId", approval.get("incidentId"))
                .get("/api/audit").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(audit).anySatisfy(entry -> assertThat(entry).containsEntry("kind", "DECIDED")
                .containsEntry("actor", approver.name()));
        assertThat(slackStages((String) approval.get("incidentId"), approver.name())).containsSubsequence(
                "Incident detected", "Diagnosed", "Approval needed", "Approved by " + approver.name(), "Acting",
                "Resolved");
    }

    @Test
    void shouldLeaveTheContainerAloneWhenAHumanRejects() {
        String startedBefore = TARGET.app().startedAt();
        Map<String, Object> approval = latencyAwaitingApproval();

        Stack.as(Stack.person("e2e-rejecter", "approver"), Stack.APPROVAL)
                .body(Map.of("decision", "REJECT", "reason", "DBA is on it"))
                .post("/api/approvals/{id}/decision", approval.get("id")).then().statusCode(200);

        awaitIncidentStatus((String) approval.get("incidentId"), "REJECTED", DECISION);
        assertThat(TARGET.app().running()).isTrue();
        assertThat(TARGET.app().startedAt()).as("the container was not touched").isEqualTo(startedBefore);
        at(Stack.APPROVAL).body(Map.of("decision", "APPROVE"))
                .post("/api/approvals/{id}/decision", approval.get("id")).then().statusCode(409);
    }

    @Test
    void shouldResolveAnIncidentApprovedWithASignedSlackClick() {
        Map<String, Object> approval = latencyAwaitingApproval();
        Stack.Credentials jane = Stack.person("e2e-jane", "approver");
        at(Stack.APPROVAL).body(Map.of("principal", jane.name())).put("/api/auth/slack-users/{id}", "U0E2E")
                .then().statusCode(200);
        String stranger = click((String) approval.get("id"), "U0E2ESTRANGER", "e2e.mallory");
        String strangerAt = Long.toString(Instant.now().getEpochSecond());
        RestAssured.given().baseUri(Stack.APPROVAL).contentType("application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", strangerAt).header("X-Slack-Signature", sign(strangerAt, stranger))
                .body(stranger).post("/slack/interactions").then().statusCode(200)
                .body("outcome", org.hamcrest.Matchers.equalTo("NOT_ALLOWED"));
        assertThat(at(Stack.APPROVAL).get("/api/approvals/{id}", approval.get("id")).then().statusCode(200)
                .extract().jsonPath().getString("status")).as("an unmapped Slack user's click").isEqualTo("PENDING");
        String body = click((String) approval.get("id"), "U0E2E", "e2e.jane");
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        RestAssured.given().baseUri(Stack.APPROVAL).contentType("application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", sign(timestamp, body))
                .body(body).post("/slack/interactions").then().statusCode(200);

        awaitIncidentStatus((String) approval.get("incidentId"), "RESOLVED", HEALING);
        assertThat(at(Stack.APPROVAL).get("/api/approvals/{id}", approval.get("id")).then().statusCode(200)
                .extract().jsonPath().getString("decision.actor")).isEqualTo(jane.name() + " (slack e2e.jane)");
    }

    /** Triggers the latency fault and returns the approval remediation asked for. */
    private Map<String, Object> latencyAwaitingApproval() {
        at(TARGET.app().url()).post("/faults/latency?ms=3000").then().statusCode(200);
        Map<String, Object> incident = await("AWAITING_APPROVAL incident of " + TARGET.name()).atMost(DECISION)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Incidents.openedSince(TARGET.name(), TARGET.since()).stream()
                        .filter(i -> "AWAITING_APPROVAL".equals(i.get("status"))).findFirst().orElse(null),
                        i -> i != null);
        Map<String, Object> approval = await("pending approval").atMost(DECISION).pollInterval(Duration.ofMillis(500))
                .until(() -> at(Stack.APPROVAL).queryParam("incidentId", incident.get("id"))
                                .queryParam("status", "PENDING").get("/api/approvals").then().statusCode(200)
                                .extract().jsonPath().<Map<String, Object>>getList("$").stream().findFirst()
                                .orElse(null),
                        a -> a != null);
        assertThat(approval).containsEntry("proposedAction", "RESTART");
        assertThat(((Number) approval.get("confidence")).doubleValue()).isLessThan(0.85);
        return approval;
    }

    private static void awaitIncidentStatus(String incidentId, String status, Duration within) {
        await("incident " + incidentId + " " + status).atMost(within).pollInterval(Duration.ofSeconds(1))
                .until(() -> status.equals(at(Stack.MONITOR).get("/api/incidents/{id}", incidentId).then()
                        .statusCode(200).extract().path("incident.status")));
    }

    /**
     * What the Slack stand-in received about the incident, in arrival order: the {@code text} of each
     * chat.postMessage and chat.update ({@code GET /received} of module slack-standin).
     */
    private static List<String> slackReceived(String incidentId) {
        JsonNode received = EventCodec.mapper().valueToTree(RestAssured.given().baseUri(SLACK).get("/received")
                .then().statusCode(200).extract().jsonPath().getList("$"));
        List<String> texts = new ArrayList<>();
        for (JsonNode request : received) {
            String body = request.path("body").asText();
            if (body.contains(incidentId)) {
                try {
                    texts.add(EventCodec.mapper().readTree(body).path("text").asText());
                } catch (java.io.IOException e) {
                    throw new AssertionError("stand-in recorded a body that is not JSON: " + body, e);
                }
            }
        }
        return texts;
    }

    /** For each message, the first stage keyword it contains (messages arrive a little after the stages). */
    private static List<String> slackStages(String incidentId, String approver) {
        List<String> keywords = List.of("Incident detected", "Diagnosed", "Approval needed",
                "Approved by " + approver, "Acting", "Resolved");
        await("Slack messages of " + incidentId).atMost(Duration.ofSeconds(30))
                .until(() -> slackReceived(incidentId).stream().anyMatch(t -> t.contains("Resolved")));
        List<String> stages = new ArrayList<>();
        for (String text : slackReceived(incidentId)) {
            keywords.stream().filter(text::contains).findFirst().ifPresent(stages::add);
        }
        return stages;
    }

    private static String click(String approvalId, String userId, String username) {
        ObjectNode payload = EventCodec.mapper().createObjectNode().put("type", "block_actions")
                .put("response_url", "http://slack-standin:8080/services/actions/T0/1/e2e");
        payload.putObject("user").put("id", userId).put("username", username);
        payload.putArray("actions").addObject().put("action_id", "aegis_approve").put("value", approvalId);
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    private static String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
