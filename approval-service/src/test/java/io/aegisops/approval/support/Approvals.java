package io.aegisops.approval.support;

import io.aegisops.kit.auth.Roles;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.Topics;
import io.aegisops.testsupport.KafkaTestClient;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Steps the tests share: ask for an approval over Kafka as remediation-service does, decide it, read it. */
public final class Approvals {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private Approvals() {
    }

    /** Sends the request on aegis.approvals and waits until the approval can be read. */
    public static String requestAndAwait(KafkaTestClient kafka, TestEvents incident, ApprovalRequest request) {
        kafka.send(Topics.APPROVALS, incident.requested(request));
        await().atMost(WAIT).untilAsserted(() ->
                given().get("/api/approvals/{id}", request.requestId()).then().statusCode(200));
        return request.requestId();
    }

    /** Decides as the principal the body names as {@code actor} (an approver), as a person would with a token. */
    public static ValidatableResponse decide(String approvalId, Map<String, ?> body) {
        Object actor = body.get("actor");
        return (actor == null ? given() : TestCallers.as(actor.toString(), Roles.APPROVER))
                .contentType(ContentType.JSON).body(body)
                .post("/api/approvals/{id}/decision", approvalId).then();
    }

    public static String status(String approvalId) {
        return given().get("/api/approvals/{id}", approvalId).then().statusCode(200).extract().path("status");
    }

    /** The incident's notifications in the order they happened. */
    public static List<Map<String, Object>> notifications(String incidentId) {
        return given().queryParam("incidentId", incidentId).get("/api/notifications")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits until the incident has a notification of {@code stage} in {@code status}, and returns it. */
    public static Map<String, Object> awaitNotification(String incidentId, String stage, String status) {
        return await().atMost(WAIT).until(() -> notifications(incidentId).stream()
                        .filter(n -> stage.equals(n.get("stage")) && status.equals(n.get("status")))
                        .findFirst().orElse(null),
                n -> n != null);
    }
}
