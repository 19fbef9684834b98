package io.aegisops.dashboard.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.Severity;
import io.aegisops.contract.Topics;
import io.aegisops.dashboard.service.ReadModel;
import io.aegisops.dashboard.support.IncidentStory;
import io.aegisops.dashboard.support.StandInServices;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The read model built from the real broker: events spread over four topics, in any order and redelivered,
 * give the same incident as the story told in order; the view survives a refold (what a restart does) and a
 * replay of every topic (what lost offsets do); an investigation is stored once, bounded, and shown with the
 * diagnosis that cites it whichever is stored first; a record that is not an event does not stop the consumer.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "dashboard"))
@QuarkusTestResource(StandInServices.class)
@TestSecurity(user = "vera", roles = Roles.VIEWER)
class ReadModelTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @Inject
    ReadModel readModel;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void connect() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    private static void send(List<IncidentStory.Step> steps) {
        steps.forEach(step -> kafka.send(step.topic(), step.event()));
    }

    private static JsonPath awaitResolved(String incidentId, int events) {
        return awaitStatus(incidentId, "RESOLVED", events);
    }

    private static JsonPath awaitStatus(String incidentId, String status, int events) {
        await(incidentId + " " + status + " with " + events + " events").atMost(WAIT)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().get("/api/incidents/{id}", incidentId).then().statusCode(200)
                        .body("incident.status", equalTo(status))
                        .body("incident.eventCount", equalTo(events)));
        return given().get("/api/incidents/{id}", incidentId).then().extract().jsonPath();
    }

    /** The view without what differs between two incidents told alike: the ids of the incidents and their parts. */
    private static Map<String, Object> comparable(JsonPath detail) {
        Map<String, Object> incident = new HashMap<>(detail.getMap("incident"));
        incident.remove("id");
        incident.put("approval", without(detail.getMap("incident.approval"), "requestId"));
        incident.put("diagnosis", without(detail.getMap("incident.diagnosis"), "id", "investigationId"));
        incident.put("investigation", without(detail.getMap("incident.investigation"), "id"));
        incident.put("remediation", without(detail.getMap("incident.remediation"), "remediationId"));
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (Map<String, Object> entry : detail.<Map<String, Object>>getList("timeline")) {
            Map<String, Object> copy = new HashMap<>(entry);
            copy.remove("eventId");
            timeline.add(copy);
        }
        return Map.of("incident", incident, "timeline", timeline);
    }

    private static Map<String, Object> without(Map<String, Object> map, String... keys) {
        Map<String, Object> copy = new HashMap<>(map);
        List.of(keys).forEach(copy::remove);
        return copy;
    }

    /** A decision approval-service did not sign is not shown: the room shows the genuine one that follows it. */
    @Test
    void shouldNotShowADecisionApprovalServiceDidNotSign() {
        IncidentStory story = new IncidentStory(UUID.randomUUID().toString(), "billing");
        send(story.awaitingApproval());
        awaitStatus(story.incidentId, "AWAITING_APPROVAL", IncidentStory.AWAITING_APPROVAL_EVENTS);
        IncidentStory.Step genuine = story.decided(5_000);
        CloudEvent signed = genuine.event();
        ObjectNode data = signed.data().deepCopy();
        data.put("actor", "mallory");
        CloudEvent forged = new CloudEvent(signed.specversion(), UUID.randomUUID().toString(), signed.source(),
                signed.type(), signed.incidentid(), signed.subject(), signed.time(), signed.datacontenttype(), data,
                null);

        kafka.send(genuine.topic(), forged);
        kafka.send(genuine.topic(), signed);

        awaitStatus(story.incidentId, "AWAITING_APPROVAL", IncidentStory.AWAITING_APPROVAL_EVENTS + 1);
        JsonPath detail = given().get("/api/incidents/{id}", story.incidentId).then().extract().jsonPath();
        assertThat(detail.getString("incident.approval.decidedBy")).isEqualTo("alice");
        assertThat(detail.getList("timeline.actor")).doesNotContain("mallory");
    }

    @Test
    void shouldShowTheSameIncidentWhateverTheOrderAndTheRedeliveries() {
        IncidentStory inOrder = new IncidentStory(UUID.randomUUID().toString(), "checkout");
        IncidentStory scrambled = new IncidentStory(UUID.randomUUID().toString(), "checkout");
        List<IncidentStory.Step> steps = scrambled.approvedAndResolved();
        List<IncidentStory.Step> shuffled = new ArrayList<>(steps);
        shuffled.addAll(steps.subList(0, 5));
        Collections.shuffle(shuffled, new Random(7));

        send(inOrder.approvedAndResolved());
        send(shuffled);

        Map<String, Object> expected = comparable(awaitResolved(inOrder.incidentId, steps.size()));
        assertThat(comparable(awaitResolved(scrambled.incidentId, steps.size()))).isEqualTo(expected);
        assertThat(given().get("/api/incidents?target=checkout&status=RESOLVED").then().statusCode(200)
                .extract().jsonPath().getList("id")).contains(inOrder.incidentId, scrambled.incidentId);
    }

    @Test
    void shouldKeepTheSameViewAfterARefoldAndAReplayOfEveryTopic() {
        IncidentStory story = new IncidentStory(UUID.randomUUID().toString(), "payments");
        List<IncidentStory.Step> steps = story.approvedAndResolved();
        send(steps);
        String before = awaitResolved(story.incidentId, steps.size()).prettify();

        // What start-up does: every card refolded from the stored events.
        assertThat(readModel.rebuildAll()).isPositive();
        assertThat(given().get("/api/incidents/{id}", story.incidentId).then().extract().asPrettyString())
                .isEqualTo(before);

        // What lost consumer offsets do: everything again, already applied, so nothing changes.
        send(steps);
        String marker = UUID.randomUUID().toString();
        IncidentStory later = new IncidentStory(marker, "payments");
        send(later.awaitingApproval());
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/incidents/{id}", marker).then().statusCode(200)
                .body("incident.eventCount", equalTo(IncidentStory.AWAITING_APPROVAL_EVENTS)));
        assertThat(given().get("/api/incidents/{id}", story.incidentId).then().extract().asPrettyString())
                .isEqualTo(before);
    }

    @Test
    void shouldShowTheInvestigationAndTheDiagnosisCitationsOnTheCardsThePageReads() {
        IncidentStory story = new IncidentStory(UUID.randomUUID().toString(), "ledger");
        send(story.awaitingApproval());
        awaitStatus(story.incidentId, "AWAITING_APPROVAL", IncidentStory.AWAITING_APPROVAL_EVENTS);

        JsonPath detail = given().get("/api/incidents/{id}", story.incidentId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(detail.getString("incident.investigation.id")).isEqualTo(story.investigationId);
        assertThat(detail.getList("incident.investigation.facts.id")).containsExactly("F1", "F2", "F3");
        assertThat(detail.getList("incident.investigation.facts.summary", String.class))
                .contains("3 of the last 200 lines wait on lock orders#42");
        assertThat(detail.getList("incident.investigation.claims.alertType")).containsExactly("LATENCY");
        assertThat(detail.getList("incident.investigation.claims.corroborated")).containsExactly(false);
        assertThat(detail.getList("incident.investigation.claims[0].factIds")).containsExactly("F3", "F2");
        assertThat(detail.getList("incident.investigation.toolCalls.millis", Long.class)).containsExactly(12L, 40L, 2950L);
        assertThat(detail.getBoolean("incident.diagnosis.corroborated")).isFalse();
        assertThat(detail.getString("incident.diagnosis.investigationId")).isEqualTo(story.investigationId);
        assertThat(detail.getList("incident.diagnosis.citations.kind")).containsExactly("FACT", "RUNBOOK", "INCIDENT");
        assertThat(detail.getList("incident.diagnosis.citations.ref"))
                .containsExactly("F2", "latency#row-locks", IncidentStory.PAST_INCIDENT);
        assertThat(detail.getList("timeline.kind")).contains("investigation");

        // The feed (page load) and the pushed card are the stored card: the same investigation is on it.
        JsonPath feed = given().get("/api/incidents?target=ledger").then().statusCode(200).extract().jsonPath();
        assertThat(feed.getMap("find { it.id == '" + story.incidentId + "' }.investigation"))
                .isEqualTo(detail.getMap("incident.investigation"));
    }

    @Test
    void shouldStoreARedeliveredInvestigationOnceAndBounded() throws Exception {
        IncidentStory story = new IncidentStory(UUID.randomUUID().toString(), "ledger");
        IncidentStory.Step investigation = story.investigation(1500);
        send(List.of(story.alert(0, EventTypes.INCIDENT_OPENED, IncidentStatus.OPEN, 1, Severity.WARNING),
                investigation, investigation, investigation));
        // Same topic and key as the redeliveries, so it is consumed after them.
        send(List.of(story.statusChanged(2500, IncidentStatus.OPEN)));
        JsonPath detail = awaitStatus(story.incidentId, "OPEN", 3);

        assertThat(detail.getList("timeline.kind")).containsExactly("alert", "investigation");
        List<String> stored = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("select e.data from IncidentEvent e where e.eventId = :id", String.class)
                .setParameter("id", investigation.event().id()).getResultList());
        assertThat(stored).hasSize(1);
        JsonNode logs = EventCodec.mapper().readTree(stored.get(0)).path("facts").path(1).path("value");
        assertThat(logs.size()).isLessThan(IncidentStory.LOG_LINES);
        assertThat(logs.get(logs.size() - 1).asText()).isEqualTo(IncidentStory.HOSTILE_LINE);
    }

    @Test
    void shouldShowTheSameCardWhenTheDiagnosisIsStoredBeforeTheInvestigation() {
        IncidentStory inOrder = new IncidentStory(UUID.randomUUID().toString(), "ledger");
        IncidentStory diagnosisFirst = new IncidentStory(UUID.randomUUID().toString(), "ledger");
        send(inOrder.awaitingApproval());

        send(List.of(diagnosisFirst.diagnosis(2000)));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/incidents/{id}", diagnosisFirst.incidentId)
                .then().statusCode(200).body("incident.diagnosis.citations.size()", equalTo(3))
                .body("incident.investigation", nullValue()));
        send(diagnosisFirst.awaitingApproval().stream()
                .filter(step -> !step.event().type().equals(EventTypes.DIAGNOSIS_PROPOSED)).toList());

        int events = IncidentStory.AWAITING_APPROVAL_EVENTS;
        assertThat(comparable(awaitStatus(diagnosisFirst.incidentId, "AWAITING_APPROVAL", events)))
                .isEqualTo(comparable(awaitStatus(inOrder.incidentId, "AWAITING_APPROVAL", events)));
    }

    @Test
    void shouldKeepConsumingAfterARecordThatIsNotAnEvent() {
        IncidentStory story = new IncidentStory(UUID.randomUUID().toString(), "search");

        kafka.send(Topics.ALERTS, story.incidentId, "this is not an event");
        send(story.awaitingApproval());

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/incidents/{id}", story.incidentId)
                .then().statusCode(200).body("incident.status", equalTo("AWAITING_APPROVAL"))
                .body("incident.approval.pending", equalTo(true)));
        kafka.awaitRecords("dead-letter-topic-alerts-in", r -> "this is not an event".equals(r.value()), 1, WAIT);
    }
}
