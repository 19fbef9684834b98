package io.aegisops.approval.service;

import io.aegisops.approval.support.TestCallers;
import org.junit.jupiter.api.BeforeEach;
import io.aegisops.approval.support.Approvals;
import io.aegisops.approval.support.TestEvents;
import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.Topics;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.aegisops.approval.support.Approvals.WAIT;
import static io.aegisops.approval.support.Approvals.decide;
import static io.aegisops.approval.support.Approvals.notifications;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The approval timeouts with T1 = 2 s and T2 = 5 s: an unanswered approval is escalated (people reminded,
 * louder) and then expires, publishing EXPIRE so remediation escalates the incident; nothing is decided after
 * that. Slack is not configured here, so every message is logged instead, and nothing fails.
 */
@QuarkusTest
@TestProfile(ShortTimeouts.class)
class ApprovalTimeoutTest {

    @BeforeEach
    void readAsAViewer() {
        TestCallers.viewByDefault();
    }

    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void shouldEscalateAfterT1AndExpireAfterT2PublishingExpire() {
        TestEvents incident = TestEvents.forNewIncident();
        String id = Approvals.requestAndAwait(kafka, incident, incident.request(Action.STOP));

        await().atMost(WAIT).until(() -> !"PENDING".equals(Approvals.status(id)));
        given().get("/api/approvals/{id}", id).then().statusCode(200)
                .body("status", equalTo("ESCALATED"))
                .body("decidable", equalTo(true));
        await().atMost(WAIT).until(() -> notifications(incident.incidentId).stream()
                .anyMatch(n -> "APPROVAL_ESCALATED".equals(n.get("stage")) && "LOGGED".equals(n.get("status"))));

        ApprovalDecision expired = EventCodec.data(kafka.awaitEvents(Topics.APPROVALS,
                e -> EventTypes.APPROVAL_DECIDED.equals(e.type())
                        && id.equals(e.data().path("requestId").asText()), 1, WAIT).get(0), ApprovalDecision.class);
        assertThat(expired.decision()).isEqualTo(ApprovalDecision.Kind.EXPIRE);
        assertThat(expired.actor()).isEqualTo("approval-service (timeout)");
        assertThat(expired.action()).isNull();
        assertThat(expired.incidentId()).isEqualTo(incident.incidentId);
        assertThat(expired.reason()).isEqualTo("no decision within 5s");

        given().get("/api/approvals/{id}", id).then().statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("decidable", equalTo(false))
                .body("decision.decision", equalTo("EXPIRE"))
                .body("decision.action", nullValue());
        decide(id, Map.of("decision", "APPROVE", "actor", "late-larry")).statusCode(409)
                .body("winningDecision.decision", equalTo("EXPIRE"));
        given().queryParam("incidentId", incident.incidentId).get("/api/audit").then().statusCode(200)
                .body("kind", equalTo(List.of("REQUESTED", "ESCALATED", "DECIDED")))
                .body("[2].actor", equalTo("approval-service (timeout)"))
                .body("[2].why", equalTo("no decision within 5s"));
        Map<String, Object> decided = await().atMost(WAIT).until(() -> notifications(incident.incidentId).stream()
                .filter(n -> "DECIDED".equals(n.get("stage"))).findFirst().orElse(null), n -> n != null);
        assertThat(decided).containsEntry("status", "LOGGED").containsEntry("channel", "log");
        assertThat(notifications(incident.incidentId)).extracting(n -> n.get("stage"))
                .containsExactly("AWAITING_APPROVAL", "APPROVAL_ESCALATED", "DECIDED");
        String reminder = (String) notifications(incident.incidentId).get(1).get("text");
        assertThat(reminder).startsWith("<!here> ESCALATION:").contains("still waiting");
    }

    @Test
    void shouldExpireApprovalsNoOneDecidedButNotDecidedOnes() {
        TestEvents incident = TestEvents.forNewIncident();
        String decided = Approvals.requestAndAwait(kafka, incident, incident.request(Action.RESTART));
        String forgotten = Approvals.requestAndAwait(kafka, incident, incident.request(Action.RESTART));
        decide(decided, Map.of("decision", "APPROVE", "actor", "quick-quinn")).statusCode(200);

        await().atMost(WAIT).until(() -> "EXPIRED".equals(Approvals.status(forgotten)));

        assertThat(Approvals.status(decided)).isEqualTo("APPROVED");
        assertThat(kafka.awaitEvents(Topics.APPROVALS, e -> EventTypes.APPROVAL_DECIDED.equals(e.type())
                && incident.incidentId.equals(e.incidentid()), 2, WAIT))
                .extracting(e -> e.data().path("decision").asText())
                .containsExactlyInAnyOrder("APPROVE", "EXPIRE");
    }
}
