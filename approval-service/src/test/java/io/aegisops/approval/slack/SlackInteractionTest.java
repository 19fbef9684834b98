package io.aegisops.approval.slack;

import io.aegisops.approval.identity.IdentityStore;
import io.aegisops.kit.auth.Roles;
import io.quarkus.arc.Arc;
import io.aegisops.approval.support.TestCallers;
import org.junit.jupiter.api.BeforeEach;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aegisops.approval.support.Approvals;
import io.aegisops.approval.support.InjectSlackStandIn;
import io.aegisops.approval.support.SlackStandIn;
import io.aegisops.approval.support.TestEvents;
import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.Topics;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.aegisops.approval.support.Approvals.WAIT;
import static io.aegisops.approval.support.Approvals.awaitNotification;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Approve and Reject clicks from Slack: a correctly signed click decides as the Slack user and the approval
 * message is updated in place with the outcome; forged, unsigned and stale requests are refused with 401 and
 * change nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "approval"))
@QuarkusTestResource(SlackStandIn.class)
class SlackInteractionTest {

    /** The Slack user of {@link #click}: mapped to the approver "jane" before each case. */
    private static final String JANE = "U0JANE";

    @BeforeEach
    void readAsAViewerWithJaneMappedAsAnApprover() {
        TestCallers.viewByDefault();
        TestCallers.token("jane", Roles.APPROVER);
        Arc.container().instance(IdentityStore.class).get().mapSlackUser(JANE, "jane", "test");
    }

    private static KafkaTestClient kafka;

    @InjectSlackStandIn
    SlackStandIn slack;

    @BeforeAll
    static void connect() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    /** An approval whose message, with its buttons, Slack has received. */
    private record Posted(TestEvents incident, String approvalId, String ts) {
    }

    private static Posted approvalInSlack() {
        TestEvents incident = TestEvents.forNewIncident();
        String id = Approvals.requestAndAwait(kafka, incident, incident.request(Action.RESTART));
        Map<String, Object> message = awaitNotification(incident.incidentId, "AWAITING_APPROVAL", "DELIVERED");
        return new Posted(incident, id, (String) message.get("slackTs"));
    }

    /** The form Slack posts for a button click: one field, {@code payload}, holding the JSON. */
    private String click(String actionId, String approvalId, String ts) {
        return click(actionId, approvalId, ts, JANE, "jane.doe");
    }

    private String click(String actionId, String approvalId, String ts, String userId, String username) {
        ObjectNode payload = EventCodec.mapper().createObjectNode().put("type", "block_actions")
                .put("response_url", slack.url() + SlackStandIn.RESPONSE_PREFIX + "T0/1/xyz")
                .put("trigger_id", "1.2.3");
        payload.putObject("user").put("id", userId).put("username", username).put("name", username)
                .put("team_id", "T0AEGIS");
        payload.putObject("container").put("type", "message").put("message_ts", ts)
                .put("channel_id", SlackStandIn.CHANNEL_ID);
        payload.putArray("actions").addObject().put("type", "button").put("action_id", actionId)
                .put("block_id", "aegis_approval").put("value", approvalId).put("action_ts", "1700000001.1");
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    private static RequestSpecification form() {
        return given().config(RestAssured.config().encoderConfig(
                        EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("application/x-www-form-urlencoded");
    }

    private static ValidatableResponse post(String body, String timestamp, String signature) {
        RequestSpecification request = form().body(body);
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        return request.post("/slack/interactions").then();
    }

    private static ValidatableResponse signedPost(String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return post(body, timestamp, SlackSignature.sign(SlackStandIn.SIGNING_SECRET, timestamp,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldApplyASignedApproveClickAsTheSlackUserAndUpdateTheMessage() {
        Posted posted = approvalInSlack();

        signedPost(click(SlackMessages.APPROVE, posted.approvalId(), posted.ts())).statusCode(200)
                .body("outcome", equalTo("APPROVED"))
                .body("actor", equalTo("jane (slack jane.doe)"));

        given().get("/api/approvals/{id}", posted.approvalId()).then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decision.actor", equalTo("jane (slack jane.doe)"));
        ApprovalDecision published = EventCodec.data(kafka.awaitEvents(Topics.APPROVALS,
                e -> EventTypes.APPROVAL_DECIDED.equals(e.type())
                        && posted.approvalId().equals(e.data().path("requestId").asText()), 1, WAIT).get(0),
                ApprovalDecision.class);
        assertThat(published.decision()).isEqualTo(ApprovalDecision.Kind.APPROVE);
        assertThat(published.actor()).isEqualTo("jane (slack jane.doe)");
        List<SlackStandIn.Received> updates = await().atMost(WAIT).until(
                () -> slack.received(r -> r.isUpdate() && r.mentions(posted.incident().incidentId)),
                list -> !list.isEmpty());
        SlackStandIn.Received update = updates.get(0);
        assertThat(update.json().path("ts").asText()).isEqualTo(posted.ts());
        assertThat(update.json().path("channel").asText()).isEqualTo(SlackStandIn.CHANNEL_ID);
        assertThat(update.json().path("text").asText()).contains("Approved by jane (slack jane.doe)");
        assertThat(update.body()).doesNotContain(SlackMessages.APPROVE);
        awaitNotification(posted.incident().incidentId, "DECIDED", "DELIVERED");
    }

    @Test
    void shouldRejectFromSlackWithAReasonNamingTheUser() {
        Posted posted = approvalInSlack();

        signedPost(click(SlackMessages.REJECT, posted.approvalId(), posted.ts())).statusCode(200)
                .body("outcome", equalTo("REJECTED"));

        given().get("/api/approvals/{id}", posted.approvalId()).then().statusCode(200)
                .body("decision.decision", equalTo("REJECT"))
                .body("decision.reason", equalTo("rejected from Slack by jane.doe"));
        signedPost(click(SlackMessages.APPROVE, posted.approvalId(), posted.ts())).statusCode(200)
                .body("outcome", equalTo("ALREADY_DECIDED"))
                .body("decision.actor", equalTo("jane (slack jane.doe)"))
                .body("decision.decision", equalTo("REJECT"));
    }

    @Test
    void shouldRefuseForgedUnsignedAndStaleClicksAndChangeNothing() {
        Posted posted = approvalInSlack();
        String body = click(SlackMessages.APPROVE, posted.approvalId(), posted.ts());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String now = Long.toString(Instant.now().getEpochSecond());
        String stale = Long.toString(Instant.now().minus(Duration.ofMinutes(5)).minusSeconds(30).getEpochSecond());

        post(body, now, SlackSignature.sign("not-the-signing-secret-at-all", now, bytes)).statusCode(401)
                .body("message", containsString("does not match"));
        post(body, null, null).statusCode(401).body("message", containsString("no X-Slack-Signature"));
        post(body, now, null).statusCode(401);
        post(body, stale, SlackSignature.sign(SlackStandIn.SIGNING_SECRET, stale, bytes)).statusCode(401)
                .body("message", containsString("replay"));
        String other = click(SlackMessages.REJECT, posted.approvalId(), posted.ts());
        post(body, now, SlackSignature.sign(SlackStandIn.SIGNING_SECRET, now,
                other.getBytes(StandardCharsets.UTF_8))).statusCode(401);
        post(body, "yesterday", SlackSignature.sign(SlackStandIn.SIGNING_SECRET, "yesterday", bytes))
                .statusCode(401).body("message", containsString("not a Unix time"));

        assertThat(Approvals.status(posted.approvalId())).isEqualTo("PENDING");
        kafka.awaitNone(Topics.APPROVALS, r -> r.value().contains(EventTypes.APPROVAL_DECIDED)
                && r.value().contains(posted.approvalId()), Duration.ofSeconds(1));
    }

    @Test
    void shouldAnswer400ToASignedClickItCannotRead() {
        Posted posted = approvalInSlack();

        signedPost("payload=" + URLEncoder.encode("{not json", StandardCharsets.UTF_8)).statusCode(400)
                .body("violations[0].field", equalTo("payload"));
        signedPost("something=else").statusCode(400).body("message", equalTo("payload is required"));
        signedPost(click("aegis_reboot", posted.approvalId(), posted.ts())).statusCode(400)
                .body("violations[0].field", equalTo("payload.actions[0].action_id"));
        signedPost(click(SlackMessages.APPROVE, "not-an-id", posted.ts())).statusCode(400)
                .body("violations[0].field", equalTo("payload.actions[0].value"));
        signedPost(click(SlackMessages.APPROVE, java.util.UUID.randomUUID().toString(), posted.ts()))
                .statusCode(404);

        assertThat(Approvals.status(posted.approvalId())).isEqualTo("PENDING");
    }

    @Test
    void shouldNotCountAClickFromAnUnmappedSlackUserAndTellOnlyThem() {
        Posted posted = approvalInSlack();

        signedPost(click(SlackMessages.APPROVE, posted.approvalId(), posted.ts(), "U0STRANGER", "mallory"))
                .statusCode(200).body("outcome", equalTo("NOT_ALLOWED"));

        given().get("/api/approvals/{id}", posted.approvalId()).then().statusCode(200)
                .body("status", equalTo("PENDING"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(slack.received(r -> r.path().startsWith(
                SlackStandIn.RESPONSE_PREFIX))).anySatisfy(reply -> {
                    assertThat(reply.json().path("response_type").asText()).isEqualTo("ephemeral");
                    assertThat(reply.json().path("replace_original").asBoolean(true)).isFalse();
                    assertThat(reply.json().path("text").asText()).contains("U0STRANGER", "not counted");
                }));
    }

    @Test
    void shouldNotCountAClickFromASlackUserMappedToAViewer() {
        Posted posted = approvalInSlack();
        TestCallers.token("vic", Roles.VIEWER);
        Arc.container().instance(IdentityStore.class).get().mapSlackUser("U0VIC", "vic", "test");

        signedPost(click(SlackMessages.REJECT, posted.approvalId(), posted.ts(), "U0VIC", "vic"))
                .statusCode(200).body("outcome", equalTo("NOT_ALLOWED"));
        given().get("/api/approvals/{id}", posted.approvalId()).then().statusCode(200)
                .body("status", equalTo("PENDING"));
    }
}
