package io.aegisops.dashboard.messaging;

import io.aegisops.contract.Topics;
import io.aegisops.dashboard.service.ReadModel;
import io.aegisops.dashboard.support.IncidentStory;
import io.aegisops.dashboard.support.StandInServices;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
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

/**
 * The read model built from the real broker: events spread over four topics, in any order and redelivered,
 * give the same incident as the story told in order; the view survives a refold (what a restart does) and a
 * replay of every topic (what lost offsets do); a record that is not an event does not stop the consumer.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "dashboard"))
@QuarkusTestResource(StandInServices.class)
class ReadModelTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @Inject
    ReadModel readModel;

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
        await(incidentId + " resolved with " + events + " events").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().get("/api/incidents/{id}", incidentId).then().statusCode(200)
                        .body("incident.status", equalTo("RESOLVED"))
                        .body("incident.eventCount", equalTo(events)));
        return given().get("/api/incidents/{id}", incidentId).then().extract().jsonPath();
    }

    /** The view without what differs between two incidents told alike: the ids of the incidents and their parts. */
    private static Map<String, Object> comparable(JsonPath detail) {
        Map<String, Object> incident = new HashMap<>(detail.getMap("incident"));
        incident.remove("id");
        incident.put("approval", without(detail.getMap("incident.approval"), "requestId"));
        incident.put("diagnosis", without(detail.getMap("incident.diagnosis"), "id"));
        incident.put("remediation", without(detail.getMap("incident.remediation"), "remediationId"));
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (Map<String, Object> entry : detail.<Map<String, Object>>getList("timeline")) {
            Map<String, Object> copy = new HashMap<>(entry);
            copy.remove("eventId");
            timeline.add(copy);
        }
        return Map.of("incident", incident, "timeline", timeline);
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new HashMap<>(map);
        copy.remove(key);
        return copy;
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
                .body("incident.eventCount", equalTo(7)));
        assertThat(given().get("/api/incidents/{id}", story.incidentId).then().extract().asPrettyString())
                .isEqualTo(before);
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
