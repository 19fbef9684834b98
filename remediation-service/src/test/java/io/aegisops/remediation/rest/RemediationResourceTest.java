package io.aegisops.remediation.rest;

import io.aegisops.contract.Action;
import io.aegisops.contract.RemediationEvent;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Topics;
import io.aegisops.kit.auth.Roles;
import io.aegisops.remediation.support.Remediations;
import io.aegisops.remediation.support.TestEvents;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The decisions that never touch a container (no action, escalation, unsupported actions, bad events) and the
 * history API, against real PostgreSQL and Kafka. None of them needs the Docker engine.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "remediation"))
@TestSecurity(user = "vera", roles = Roles.VIEWER)
class RemediationResourceTest {

    private static final String DEAD_LETTERS = "dead-letter-topic-diagnoses";
    private static final Remediations remediations = new Remediations();

    RemediationResourceTest(DataSource dataSource) {
        remediations.use(dataSource);
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /**
     * The dead-letter topic appears on the first dead letter; a reader subscribing to a topic that does not exist
     * yet can wait long for its assignment, so the test creates it the way a deployment would.
     */
    @BeforeAll
    static void createDeadLetterTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(DEAD_LETTERS, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @AfterAll
    static void disconnect() {
        remediations.close();
    }

    private static String newTarget() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldRecordNoActionForANoopDiagnosisAndShowItsHistory() {
        String incident = TestEvents.newIncident();
        remediations.send(Topics.DIAGNOSES, TestEvents.diagnosisEvent(
                TestEvents.diagnosis(incident, 1, newTarget(), null, Action.NOOP, 0.95)));

        RemediationEvent noAction = remediations.await(incident, RemediationStage.NO_ACTION);

        assertThat(noAction.reason()).isEqualTo("the diagnosis proposes no action");
        String id = given().queryParam("incidentId", incident).get("/api/remediations").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].state", equalTo("NO_ACTION"))
                .body("[0].steps.stage", equalTo(List.of("NO_ACTION")))
                .extract().path("[0].id");
        given().get("/api/remediations/{id}", id).then().statusCode(200)
                .body("incidentId", equalTo(incident))
                .body("steps[0].details.decidedAt", equalTo(noAction.details().get("decidedAt")));
        assertThat(noAction.remediationId()).isEqualTo(id);
    }

    @Test
    void shouldEscalateLowConfidenceWithoutLookingForAContainer() {
        String incident = TestEvents.newIncident();
        remediations.send(Topics.DIAGNOSES, TestEvents.diagnosisEvent(
                TestEvents.diagnosis(incident, 1, newTarget(), null, Action.RESTART, 0.42)));

        assertThat(remediations.await(incident, RemediationStage.ESCALATED).reason())
                .isEqualTo("confidence 0.42 is below the escalation threshold 0.5");
    }

    @Test
    void shouldEscalateWhatTheDiagnosisCannotHandle() {
        String escalate = TestEvents.newIncident();
        String scale = TestEvents.newIncident();
        remediations.send(Topics.DIAGNOSES, TestEvents.diagnosisEvent(
                TestEvents.diagnosis(escalate, 1, newTarget(), null, Action.ESCALATE, 0.90)));
        remediations.send(Topics.DIAGNOSES, TestEvents.diagnosisEvent(
                TestEvents.diagnosis(scale, 1, newTarget(), null, Action.SCALE_UP, 0.99)));

        assertThat(remediations.await(escalate, RemediationStage.ESCALATED).reason())
                .isEqualTo("the diagnosis recommends escalation to a human");
        assertThat(remediations.await(scale, RemediationStage.ESCALATED).reason())
                .startsWith("SCALE_UP is not supported yet");
    }

    @Test
    void shouldDeadLetterADiagnosisThatCannotBeDecidedOn() {
        String incident = TestEvents.newIncident();
        remediations.send(Topics.DIAGNOSES, TestEvents.diagnosisEvent(
                TestEvents.diagnosis(incident, 1, " ", null, Action.RESTART, 1.7)));

        String dead = remediations.on(DEAD_LETTERS).awaitRecords(DEAD_LETTERS, r -> incident.equals(r.key()), 1,
                Remediations.WAIT).get(0).value();

        assertThat(dead).contains(incident);
        given().queryParam("incidentId", incident).get("/api/remediations").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void shouldAnswer400NamingABadIncidentId() {
        given().queryParam("incidentId", "nope").get("/api/remediations").then().statusCode(400)
                .body("violations[0].field", equalTo("incidentId"))
                .body("message", containsString("'nope' is not a UUID"));
    }

    @Test
    void shouldAnswer400ForALimitOutOfRange() {
        given().queryParam("limit", 0).get("/api/remediations").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
    }

    @Test
    void shouldAnswer400ForAMalformedIdAnd404ForAnUnknownOne() {
        given().get("/api/remediations/{id}", "12").then().statusCode(400)
                .body("violations[0].field", equalTo("id"));
        String unknown = UUID.randomUUID().toString();
        given().get("/api/remediations/{id}", unknown).then().statusCode(404)
                .body("message", equalTo("remediation " + unknown + " does not exist"));
    }

    @Test
    void shouldDescribeItsApiInOpenApi() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/remediations/{id}"))
                .body(containsString("/api/containers"));
    }

    @Test
    void shouldAnswer400ForABlankTargetFilterOfContainers() {
        given().queryParam("target", " ").get("/api/containers").then().statusCode(400)
                .body("violations[0].field", equalTo("target"));
    }
}
