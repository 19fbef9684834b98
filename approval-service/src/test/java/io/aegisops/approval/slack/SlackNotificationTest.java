package io.aegisops.approval.slack;

import io.aegisops.approval.support.TestCallers;
import org.junit.jupiter.api.BeforeEach;
import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.approval.support.Approvals;
import io.aegisops.approval.support.InjectSlackStandIn;
import io.aegisops.approval.support.SlackStandIn;
import io.aegisops.approval.support.TestEvents;
import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.Citation;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Topics;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.aegisops.slackstandin.Reply;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.aegisops.approval.support.Approvals.WAIT;
import static io.aegisops.approval.support.Approvals.awaitNotification;
import static io.aegisops.approval.support.Approvals.notifications;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * Stage messages through a Slack stand-in: in order and threaded per incident, retried after a 429 as Slack
 * asks, and a Slack that answers 500 to one incident's messages holds up neither the Kafka consumers nor
 * other incidents' messages, and shows as FAILED with its error. Every test owns its incident.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "approval"))
@QuarkusTestResource(SlackStandIn.class)
class SlackNotificationTest {

    @BeforeEach
    void readAsAViewer() {
        TestCallers.viewByDefault();
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

    /**
     * Sends an event and waits for its notification to be queued. Different topics are consumed independently,
     * so this is how a test states the order in which the pipeline produced them.
     */
    private static void announce(TestEvents incident, String topic, CloudEvent event, int queuedSoFar) {
        kafka.send(topic, event);
        await().atMost(WAIT).until(() -> notifications(incident.incidentId).size() == queuedSoFar);
    }

    private List<SlackStandIn.Received> postsAbout(TestEvents incident) {
        return slack.received(r -> r.isPost() && r.mentions(incident.incidentId));
    }

    @Test
    void shouldPostAnIncidentsStagesInOrderInOneThreadWithEverythingPeopleNeed() {
        TestEvents incident = TestEvents.forNewIncident();
        ApprovalRequest request = incident.request(Action.RESTART);

        announce(incident, Topics.ALERTS, incident.opened(), 1);
        announce(incident, Topics.DIAGNOSES, incident.diagnosed(), 2);
        announce(incident, Topics.APPROVALS, incident.requested(request), 3);
        announce(incident, Topics.REMEDIATIONS, incident.step(RemediationStage.ACTING, "approved by alice"), 4);
        announce(incident, Topics.REMEDIATIONS, incident.step(RemediationStage.VERIFYING, "checking health"), 4);
        announce(incident, Topics.REMEDIATIONS, incident.step(RemediationStage.RESOLVED, "healthy again"), 5);

        await().atMost(WAIT).until(() -> notifications(incident.incidentId).stream()
                .allMatch(n -> "DELIVERED".equals(n.get("status"))));
        List<Map<String, Object>> queued = notifications(incident.incidentId);
        assertThat(queued).extracting(n -> n.get("stage"))
                .containsExactly("DETECTED", "DIAGNOSED", "AWAITING_APPROVAL", "ACTING", "RESOLVED");
        assertThat(queued).allSatisfy(n -> assertThat(n).containsEntry("channel", "api").containsEntry("attempts", 1));

        List<SlackStandIn.Received> posts = postsAbout(incident);
        assertThat(posts).hasSize(5);
        assertThat(posts).extracting(p -> p.json().path("text").asText()).satisfiesExactly(
                text -> assertThat(text).contains("Incident detected on " + incident.target),
                text -> assertThat(text).contains("Diagnosed: RESTART proposed"),
                text -> assertThat(text).contains("Approval needed: RESTART on " + incident.target + "-1"),
                text -> assertThat(text).contains("Acting: RESTART"),
                text -> assertThat(text).contains("Resolved"));
        String threadTs = (String) queued.get(0).get("slackTs");
        assertThat(posts.get(0).json().has("thread_ts")).isFalse();
        assertThat(posts.subList(1, 5)).allSatisfy(p ->
                assertThat(p.json().path("thread_ts").asText()).isEqualTo(threadTs));
        assertThat(posts).allSatisfy(p -> {
            assertThat(p.authorization()).isEqualTo("Bearer " + SlackStandIn.TOKEN);
            assertThat(p.json().path("channel").asText()).isEqualTo(SlackStandIn.CHANNEL_NAME);
            assertThat(p.body()).contains("http://dashboard.test:8080/incidents/" + incident.incidentId)
                    .contains("*Service*\\n" + incident.target);
        });
        JsonNode diagnosed = posts.get(1).json();
        assertThat(diagnosed.toString()).contains("requests wait on a lock held in the database").contains("0.70");
        JsonNode buttons = blockOfType(posts.get(2).json(), "actions").path("elements");
        assertThat(buttons.findValuesAsText("action_id")).containsExactly(SlackMessages.APPROVE, SlackMessages.REJECT);
        assertThat(buttons.findValuesAsText("value")).containsOnly(request.requestId());
        assertThat(blockOfType(posts.get(0).json(), "actions").isMissingNode()).isTrue();
    }

    @Test
    void shouldRetryAfterA429AsSlackAsksAndDeliverOnce() {
        TestEvents incident = TestEvents.forNewIncident();
        slack.answer(r -> r.isPost() && r.mentions(incident.incidentId), 1, Reply.tooManyRequests(1));

        kafka.send(Topics.ALERTS, incident.opened());

        Map<String, Object> delivered = awaitNotification(incident.incidentId, "DETECTED", "DELIVERED");
        assertThat(delivered).containsEntry("attempts", 2);
        assertThat((String) delivered.get("lastError")).contains("429");
        assertThat(postsAbout(incident)).hasSize(2);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("aegis_slack_notifications_total{outcome=\"retried\",way=\"api\"}"));
    }

    @Test
    void shouldNotLetA500StormHoldUpTheConsumersOrOtherIncidentsAndShowTheFailure() {
        TestEvents stormy = TestEvents.forNewIncident();
        TestEvents calm = TestEvents.forNewIncident();
        slack.answer(r -> r.mentions(stormy.incidentId), 1000, Reply.status(500));

        kafka.send(Topics.ALERTS, stormy.opened());
        kafka.send(Topics.ALERTS, calm.opened());
        kafka.send(Topics.DIAGNOSES, calm.diagnosed());

        awaitNotification(calm.incidentId, "DETECTED", "DELIVERED");
        awaitNotification(calm.incidentId, "DIAGNOSED", "DELIVERED");
        Map<String, Object> failed = awaitNotification(stormy.incidentId, "DETECTED", "FAILED");
        assertThat(failed).containsEntry("attempts", 3).containsEntry("channel", "api");
        assertThat((String) failed.get("lastError")).startsWith("HTTP 500")
                .doesNotContain(SlackStandIn.TOKEN).doesNotContain(SlackStandIn.WEBHOOK_PATH);
        assertThat(postsAbout(stormy)).hasSize(3);
        given().queryParam("status", "FAILED").get("/api/notifications").then().statusCode(200)
                .body(containsString(stormy.incidentId));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("aegis_slack_notifications_total{outcome=\"failed\",way=\"api\"}"));
    }

    @Test
    void shouldAnnounceOnlyTheOpeningAlertOfAnIncident() {
        TestEvents incident = TestEvents.forNewIncident();
        CloudEvent opened = incident.opened();

        kafka.send(Topics.ALERTS, opened);
        kafka.send(Topics.ALERTS, opened);
        awaitNotification(incident.incidentId, "DETECTED", "DELIVERED");
        kafka.send(Topics.REMEDIATIONS, incident.step(RemediationStage.ESCALATED, "budget spent"));

        Map<String, Object> escalated = awaitNotification(incident.incidentId, "ESCALATED", "DELIVERED");
        assertThat(notifications(incident.incidentId)).extracting(n -> n.get("stage"))
                .containsExactly("DETECTED", "ESCALATED");
        assertThat((String) escalated.get("text")).startsWith("<!here> ESCALATION:").contains("budget spent");
        SlackStandIn.Received loud = postsAbout(incident).get(1);
        assertThat(loud.json().path("reply_broadcast").asBoolean()).isTrue();
    }

    @Test
    void shouldShowInTheApprovalMessageWhatTheDiagnosisCitesWithALinkToTheSimilarIncident() {
        TestEvents incident = TestEvents.forNewIncident();
        String past = UUID.randomUUID().toString();
        List<Citation> citations = new ArrayList<>(TestEvents.citations(past));
        citations.add(new Citation(Citation.Kind.RUNBOOK, "x", "<!channel> see <http://evil.example|runbook>", ""));
        ApprovalRequest request = incident.request(Action.STOP, citations);

        kafka.send(Topics.APPROVALS, incident.requested(request));

        awaitNotification(incident.incidentId, "AWAITING_APPROVAL", "DELIVERED");
        JsonNode posted = postsAbout(incident).get(0).json();
        JsonNode cites = null;
        for (JsonNode block : posted.path("blocks")) {
            if ("*Cites:*".equals(block.path("elements").path(0).path("text").asText())) {
                cites = block;
            }
        }
        assertThat(cites).isNotNull();
        assertThat(cites.path("type").asText()).isEqualTo("context");
        assertThat(cites.path("elements").findValuesAsText("text")).containsExactly("*Cites:*",
                "F2 oomKilled (engine.inspect)", ":book: OOM killed — Verify",
                "<http://dashboard.test:8080/incidents/" + past + "|similar incident " + past.substring(0, 8)
                        + "> heap exhausted by a leak",
                ":book: &lt;!channel&gt; see &lt;http://evil.example|runbook&gt;");
        assertThat(posted.path("text").asText())
                .contains("cites F2, runbook OOM killed — Verify, similar incident " + past.substring(0, 8))
                .doesNotContain("<!channel>");
    }

    private static JsonNode blockOfType(JsonNode message, String type) {
        for (JsonNode block : message.path("blocks")) {
            if (type.equals(block.path("type").asText())) {
                return block;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
