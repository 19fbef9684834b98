package io.aegisops.approval.rest;

import io.aegisops.approval.support.TestCallers;
import io.aegisops.kit.auth.Roles;
import org.junit.jupiter.api.BeforeEach;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aegisops.approval.support.Approvals;
import io.aegisops.approval.support.SlackStandIn;
import io.aegisops.approval.support.TestEvents;
import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.Topics;
import io.aegisops.kit.signing.SignatureVerifier;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.aegisops.approval.support.Approvals.WAIT;
import static io.aegisops.approval.support.Approvals.decide;
import static io.aegisops.approval.support.Approvals.requestAndAwait;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Approvals against a real PostgreSQL and a real Kafka broker: a request on aegis.approvals becomes a pending
 * approval, the first decision wins and is published keyed by incident, every other decision gets a 409 naming
 * the winner. Every test owns its incident, so the tests do not depend on each other's order.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "approval"))
@QuarkusTestResource(SlackStandIn.class)
class ApprovalDecisionTest {

    private static KafkaTestClient kafka;

    private final DataSource dataSource;
    private final SignatureVerifier signatures;

    ApprovalDecisionTest(DataSource dataSource, SignatureVerifier signatures) {
        this.dataSource = dataSource;
        this.signatures = signatures;
    }

    @BeforeEach
    void readAsAViewer() {
        TestCallers.viewByDefault();
    }

    @BeforeAll
    static void connect() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    private static String pending(TestEvents incident, Action action) {
        return requestAndAwait(kafka, incident, incident.request(action));
    }

    private static List<ApprovalDecision> publishedDecisions(String approvalId, int count) {
        return kafka.awaitEvents(Topics.APPROVALS, e -> EventTypes.APPROVAL_DECIDED.equals(e.type())
                        && e.data().path("requestId").asText().equals(approvalId), count, WAIT).stream()
                .map(e -> EventCodec.data(e, ApprovalDecision.class))
                .toList();
    }

    private static void assertNoOtherDecisionPublished(String approvalId, ApprovalDecision.Kind winner) {
        kafka.awaitNone(Topics.APPROVALS, r -> r.value().contains(EventTypes.APPROVAL_DECIDED)
                && r.value().contains(approvalId) && !r.value().contains("\"decision\":\"" + winner + "\""),
                Duration.ofSeconds(1));
    }

    @Test
    void shouldTurnARequestIntoAPendingApprovalAndPublishTheDecisionKeyedByIncident() {
        TestEvents incident = TestEvents.forNewIncident();
        ApprovalRequest request = incident.request(Action.RESTART);

        String id = requestAndAwait(kafka, incident, request);

        given().get("/api/approvals/{id}", id).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("decidable", equalTo(true))
                .body("incidentId", equalTo(incident.incidentId))
                .body("proposedAction", equalTo("RESTART"))
                .body("confidence", equalTo(0.7f))
                .body("rootCause", equalTo(request.rootCause()))
                .body("evidence", equalTo(request.evidence()))
                .body("reason", equalTo(request.reason()))
                .body("decision", nullValue());
        given().queryParam("status", "PENDING").queryParam("incidentId", incident.incidentId).get("/api/approvals")
                .then().statusCode(200).body("id", equalTo(List.of(id)));

        decide(id, Map.of("decision", "APPROVE", "actor", "alice", "reason", "the lock is confirmed"))
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidable", equalTo(false))
                .body("decision.decision", equalTo("APPROVE"))
                .body("decision.actor", equalTo("alice"))
                .body("decision.reason", equalTo("the lock is confirmed"));

        ConsumerRecord<String, String> record = kafka.awaitRecords(Topics.APPROVALS,
                r -> r.value().contains(EventTypes.APPROVAL_DECIDED) && r.value().contains(id), 1, WAIT).get(0);
        assertThat(record.key()).isEqualTo(incident.incidentId);
        CloudEvent event = EventCodec.decode(record.value());
        assertThat(event.source()).isEqualTo("/aegisops/approval-service");
        assertThat(event.signature()).as("signed with approval-service's key").isNotBlank();
        assertThat(signatures.problem(event)).as("what remediation-service checks").isEmpty();
        assertThat(event.incidentid()).isEqualTo(incident.incidentId);
        ApprovalDecision decision = EventCodec.data(event, ApprovalDecision.class);
        assertThat(decision.requestId()).isEqualTo(id);
        assertThat(decision.incidentId()).isEqualTo(incident.incidentId);
        assertThat(decision.decision()).isEqualTo(ApprovalDecision.Kind.APPROVE);
        assertThat(decision.actor()).isEqualTo("alice");
        assertThat(decision.action()).isNull();
        assertThat(decision.decidedAt()).isNotNull();
        given().queryParam("status", "PENDING").queryParam("incidentId", incident.incidentId).get("/api/approvals")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().queryParam("status", "approved,rejected").queryParam("incidentId", incident.incidentId)
                .get("/api/approvals").then().statusCode(200).body("id", equalTo(List.of(id)));
    }

    @Test
    void shouldShowTheCitationsOfTheDiagnosisWithTheApproval() {
        TestEvents incident = TestEvents.forNewIncident();
        String past = UUID.randomUUID().toString();
        ApprovalRequest request = incident.request(Action.STOP, TestEvents.citations(past));

        String id = requestAndAwait(kafka, incident, request);

        given().get("/api/approvals/{id}", id).then().statusCode(200)
                .body("citations.kind", equalTo(List.of("FACT", "RUNBOOK", "INCIDENT")))
                .body("citations.ref", equalTo(List.of("F2", "oom-killed#verify", past)))
                .body("citations.title", equalTo(List.of("oomKilled (engine.inspect)", "OOM killed — Verify",
                        "heap exhausted by a leak")))
                .body("citations[2].detail", equalTo("RESTART resolved it"));
        given().queryParam("incidentId", incident.incidentId).get("/api/approvals").then().statusCode(200)
                .body("[0].citations.ref", equalTo(List.of("F2", "oom-killed#verify", past)));
    }

    @Test
    void shouldStillAcceptARequestFromAnOlderProducerThatSendsNoCitations() {
        TestEvents incident = TestEvents.forNewIncident();
        ApprovalRequest request = incident.request(Action.RESTART, TestEvents.citations(UUID.randomUUID().toString()));
        CloudEvent event = incident.requested(request);
        ((ObjectNode) event.data()).remove("citations");

        kafka.send(Topics.APPROVALS, event);

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/approvals/{id}", request.requestId()).then()
                .statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("evidence", equalTo(request.evidence()))
                .body("citations", equalTo(List.of())));
        Map<String, Object> asked = Approvals.awaitNotification(incident.incidentId, "AWAITING_APPROVAL", "DELIVERED");
        assertThat((String) asked.get("text")).contains("Approval needed: RESTART").doesNotContain("cites");
    }

    @Test
    void shouldStoreARequestDeliveredTwiceOnce() {
        TestEvents incident = TestEvents.forNewIncident();
        ApprovalRequest request = incident.request(Action.STOP);
        CloudEvent event = incident.requested(request);

        kafka.send(Topics.APPROVALS, event);
        kafka.send(Topics.APPROVALS, event);
        kafka.send(Topics.APPROVALS, incident.requested(request));
        String marker = pending(incident, Action.RESTART);

        given().queryParam("incidentId", incident.incidentId).get("/api/approvals").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("id", hasItem(request.requestId()))
                .body("id", hasItem(marker));
        given().queryParam("incidentId", incident.incidentId).get("/api/audit").then().statusCode(200)
                .body("findAll { it.kind == 'REQUESTED' }.size()", equalTo(2));
    }

    @Test
    void shouldAnswer409WithTheWinningDecisionToASecondDecision() {
        String id = pending(TestEvents.forNewIncident(), Action.RESTART);
        decide(id, Map.of("decision", "APPROVE", "actor", "alice")).statusCode(200);

        decide(id, Map.of("decision", "REJECT", "actor", "bob", "reason", "too risky")).statusCode(409)
                .contentType(ContentType.JSON)
                .body("status", equalTo(409))
                .body("message", containsString("already APPROVED"))
                .body("approvalStatus", equalTo("APPROVED"))
                .body("winningDecision.decision", equalTo("APPROVE"))
                .body("winningDecision.actor", equalTo("alice"));
        decide(id, Map.of("decision", "APPROVE", "actor", "alice")).statusCode(409);

        assertThat(publishedDecisions(id, 1)).extracting(ApprovalDecision::actor).containsExactly("alice");
        assertNoOtherDecisionPublished(id, ApprovalDecision.Kind.APPROVE);
        assertThat(Approvals.status(id)).isEqualTo("APPROVED");
    }

    @Test
    void shouldLetExactlyOneOfManyConcurrentDecisionsWin() throws Exception {
        String id = pending(TestEvents.forNewIncident(), Action.RESTART);
        int deciders = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(deciders);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < deciders; i++) {
                Map<String, Object> body = i % 2 == 0
                        ? Map.of("decision", "APPROVE", "actor", "approver-" + i)
                        : Map.of("decision", "REJECT", "actor", "rejecter-" + i, "reason", "not now");
                Callable<Response> decideAtOnce = () -> {
                    go.await();
                    return TestCallers.as(body.get("actor").toString(), Roles.APPROVER).contentType(ContentType.JSON)
                            .body(body).post("/api/approvals/{id}/decision", id);
                };
                answers.add(pool.submit(decideAtOnce));
            }
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }

            List<Response> won = responses.stream().filter(r -> r.statusCode() == 200).toList();
            List<Response> lost = responses.stream().filter(r -> r.statusCode() == 409).toList();
            assertThat(won).hasSize(1);
            assertThat(lost).hasSize(deciders - 1);
            String winner = won.get(0).path("decision.actor");
            String winningKind = won.get(0).path("decision.decision");
            assertThat(lost).allSatisfy(r -> {
                assertThat(r.<String>path("winningDecision.actor")).isEqualTo(winner);
                assertThat(r.<String>path("winningDecision.decision")).isEqualTo(winningKind);
            });
            assertThat(publishedDecisions(id, 1)).extracting(ApprovalDecision::actor).containsExactly(winner);
            assertNoOtherDecisionPublished(id, ApprovalDecision.Kind.valueOf(winningKind));
            given().queryParam("incidentId", won.get(0).<String>path("incidentId")).get("/api/audit").then()
                    .statusCode(200).body("findAll { it.kind == 'DECIDED' }.actor", equalTo(List.of(winner)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRequireAReasonToReject() {
        String id = pending(TestEvents.forNewIncident(), Action.RESTART);

        decide(id, Map.of("decision", "REJECT", "actor", "bob")).statusCode(400).contentType(ContentType.JSON)
                .body("violations.field", equalTo(List.of("reason")))
                .body("message", equalTo("reason is required"));
        decide(id, Map.of("decision", "REJECT", "actor", "bob", "reason", "  ")).statusCode(400);

        assertThat(Approvals.status(id)).isEqualTo("PENDING");
    }

    @Test
    void shouldRefuseAnOverrideToAnActionAHumanMayNotChoose() {
        String id = pending(TestEvents.forNewIncident(), Action.RESTART);

        decide(id, Map.of("decision", "OVERRIDE", "actor", "bob", "action", "ROLLBACK")).statusCode(400)
                .body("violations[0].field", equalTo("action"))
                .body("message", containsString("'ROLLBACK' is not one of the actions a human may choose"));
        decide(id, Map.of("decision", "OVERRIDE", "actor", "bob")).statusCode(400)
                .body("message", equalTo("action is required"));
        decide(id, Map.of("decision", "OVERRIDE", "actor", "bob", "action", "REBOOT")).statusCode(400)
                .body("message", containsString("field 'action': 'REBOOT' is not one of"));

        assertThat(Approvals.status(id)).isEqualTo("PENDING");
    }

    @Test
    void shouldPublishAnOverrideWithTheChosenAction() {
        TestEvents incident = TestEvents.forNewIncident();
        String id = pending(incident, Action.RESTART);

        decide(id, Map.of("decision", "OVERRIDE", "actor", "carol", "action", "STOP", "reason", "it corrupts data"))
                .statusCode(200).body("status", equalTo("OVERRIDDEN")).body("decision.action", equalTo("STOP"));

        ApprovalDecision published = publishedDecisions(id, 1).get(0);
        assertThat(published.decision()).isEqualTo(ApprovalDecision.Kind.OVERRIDE);
        assertThat(published.action()).isEqualTo(Action.STOP);
        assertThat(published.reason()).isEqualTo("it corrupts data");
    }

    @Test
    void shouldRequireFeedbackToRequestChangesAndPublishIt() {
        String id = pending(TestEvents.forNewIncident(), Action.RESTART);

        decide(id, Map.of("decision", "REQUEST_CHANGES", "actor", "dave")).statusCode(400)
                .body("message", equalTo("feedback is required"));
        decide(id, Map.of("decision", "REQUEST_CHANGES", "actor", "dave", "feedback", "it is the cache",
                "action", "SCALE_UP")).statusCode(400).body("violations[0].field", equalTo("action"));
        decide(id, Map.of("decision", "REQUEST_CHANGES", "actor", "dave",
                "feedback", "the cache is cold, a stop and start clears it", "action", "START"))
                .statusCode(200).body("status", equalTo("CHANGES_REQUESTED"));

        ApprovalDecision published = publishedDecisions(id, 1).get(0);
        assertThat(published.decision()).isEqualTo(ApprovalDecision.Kind.REQUEST_CHANGES);
        assertThat(published.feedback()).isEqualTo("the cache is cold, a stop and start clears it");
        assertThat(published.action()).isEqualTo(Action.START);
    }

    @Test
    void shouldRefuseMalformedDecisionsNamingEveryProblem() {
        String id = pending(TestEvents.forNewIncident(), Action.RESTART);

        decide(id, Map.of("decision", "EXPIRE", "actor", "eve")).statusCode(400)
                .body("message", containsString("EXPIRE is reserved to the approval timeout"));
        decide(id, Map.of("decision", "APPROVE", "actor", "eve", "action", "STOP")).statusCode(400)
                .body("violations.field", equalTo(List.of("action")));
        decide(id, Map.of("actor", "eve")).statusCode(400).body("message", equalTo("decision is required"));
        TestCallers.as("eve", Roles.APPROVER).contentType(ContentType.JSON).body("{\"decision\":")
                .post("/api/approvals/{id}/decision", id)
                .then().statusCode(400).body("message", containsString("malformed JSON"));
        TestCallers.as("eve", Roles.APPROVER).contentType(ContentType.JSON).post("/api/approvals/{id}/decision", id)
                .then().statusCode(400).body("message", equalTo("body is required"));

        assertThat(Approvals.status(id)).isEqualTo("PENDING");
    }

    @Test
    void shouldAnswer404ForAnUnknownApprovalAnd400ForAMalformedId() {
        String unknown = UUID.randomUUID().toString();

        given().get("/api/approvals/{id}", unknown).then().statusCode(404)
                .body("message", equalTo("approval " + unknown + " does not exist"));
        decide(unknown, Map.of("decision", "APPROVE", "actor", "alice")).statusCode(404);
        given().get("/api/approvals/{id}/comments", unknown).then().statusCode(404);
        given().get("/api/approvals/{id}", "nope").then().statusCode(400)
                .body("violations[0].field", equalTo("id"));
        given().queryParam("status", "WAITING").get("/api/approvals").then().statusCode(400)
                .body("violations[0].field", equalTo("status"))
                .body("message", containsString("'WAITING' is not one of"));
    }

    @Test
    void shouldRecordCommentsAndDecisionsInTheAuditTrail() {
        TestEvents incident = TestEvents.forNewIncident();
        String id = pending(incident, Action.STOP);

        TestCallers.as("carol", Roles.OPERATOR).contentType(ContentType.JSON).body(Map.of("actor", "carol", "text", "checking the database first"))
                .post("/api/approvals/{id}/comments", id).then().statusCode(201)
                .body("actor", equalTo("carol")).body("approvalId", equalTo(id));
        decide(id, Map.of("decision", "REJECT", "actor", "dave", "reason", "the DB team is on it")).statusCode(200);
        TestCallers.as("carol", Roles.OPERATOR).contentType(ContentType.JSON).body(Map.of("actor", "carol", "text", "agreed, leaving it"))
                .post("/api/approvals/{id}/comments", id).then().statusCode(201);

        given().get("/api/approvals/{id}/comments", id).then().statusCode(200)
                .body("text", equalTo(List.of("checking the database first", "agreed, leaving it")));
        given().queryParam("incidentId", incident.incidentId).get("/api/audit").then().statusCode(200)
                .body("kind", equalTo(List.of("REQUESTED", "COMMENTED", "DECIDED", "COMMENTED")))
                .body("actor", equalTo(List.of("remediation-service", "carol", "dave", "carol")))
                .body("[2].what", equalTo("REJECT"))
                .body("[2].why", equalTo("the DB team is on it"))
                .body("[2].decision", equalTo("REJECT"))
                .body("[2].at", not(nullValue()))
                .body("[0].what", equalTo("approval requested for STOP"))
                .body("[0].why", equalTo("confidence 0.70 is below 0.85"));

        TestCallers.as("carol", Roles.OPERATOR).contentType(ContentType.JSON).body(Map.of("actor", "carol"))
                .post("/api/approvals/{id}/comments", id).then().statusCode(400)
                .body("message", equalTo("text is required"));
        TestCallers.as("carol", Roles.OPERATOR).contentType(ContentType.JSON).body(Map.of("actor", "carol", "text", "hello"))
                .post("/api/approvals/{id}/comments", UUID.randomUUID()).then().statusCode(404);
        given().get("/api/audit").then().statusCode(400).body("message", equalTo("incidentId is required"));
        given().queryParam("incidentId", "incident-7").get("/api/audit").then().statusCode(400)
                .body("violations[0].field", equalTo("incidentId"));
    }

    @Test
    void shouldKeepAnApprovalDecidableAfterItWasEscalated() {
        TestEvents incident = TestEvents.forNewIncident();
        String id = pending(incident, Action.RESTART);

        // Waiting T1 (5 minutes here) is not a test: pretend the approval arrived 6 minutes ago.
        backdate(id, Duration.ofMinutes(6));
        await().atMost(WAIT).until(() -> "ESCALATED".equals(Approvals.status(id)));

        given().get("/api/approvals/{id}", id).then().body("decidable", equalTo(true))
                .body("escalatedAt", not(nullValue()));
        decide(id, Map.of("decision", "APPROVE", "actor", "frank")).statusCode(200)
                .body("status", equalTo("APPROVED"));
        given().queryParam("incidentId", incident.incidentId).get("/api/audit").then().statusCode(200)
                .body("kind", equalTo(List.of("REQUESTED", "ESCALATED", "DECIDED")))
                .body("[1].actor", equalTo("approval-service (timeout)"));
        assertThat(Approvals.notifications(incident.incidentId)).extracting(n -> n.get("stage"))
                .contains("APPROVAL_ESCALATED");
    }

    @Test
    void shouldShowThePolicyMatrixItAssumes() {
        given().get("/api/policy").then().statusCode(200)
                .body("enforcedBy", containsString("remediation-service"))
                .body("actConfidence", equalTo(0.85f))
                .body("escalateBelow", equalTo(0.5f))
                .body("actions.find { it.action == 'RESTART' }.mode", equalTo("auto"))
                .body("actions.find { it.action == 'START' }.mode", equalTo("auto"))
                .body("actions.find { it.action == 'STOP' }.mode", equalTo("approval"))
                .body("actions.find { it.action == 'ROLLBACK' }.mode", equalTo("approval"))
                .body("actions.find { it.action == 'SCALE_UP' }.mode", equalTo("approval"))
                .body("overrideActions", equalTo(List.of("RESTART", "STOP", "START")))
                .body("escalateAfter.seconds", equalTo(300))
                .body("expireAfter.seconds", equalTo(1800))
                .body("escalateAfter.after", equalTo("5m"));
    }

    private void backdate(String approvalId, Duration by) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "update approval set received_at = received_at - make_interval(secs => ?) where id = ?")) {
            statement.setLong(1, by.toSeconds());
            statement.setObject(2, UUID.fromString(approvalId));
            assertThat(statement.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
