package io.aegisops.monitor.messaging;

import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Topics;
import io.aegisops.kit.auth.Roles;
import io.aegisops.monitor.LifecycleEvents;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Incidents follow the events of diagnosis and remediation, read from the real broker: the status moves,
 * the timeline records who and why, a redelivered event is applied once, and a resolved incident is closed
 * so the next alert opens a new one.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "monitor"))
@TestSecurity(user = "intake", roles = {Roles.REPORTER, Roles.VIEWER})
class IncidentLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    private static String openIncident(String target) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("type", "CRASH", "service", target, "summary", "exited with 3"))
                .post("/api/alerts").then().statusCode(202).extract().path("incidentId");
    }

    private static CloudEvent diagnosis(String incidentId, String target) {
        return LifecycleEvents.diagnosis(incidentId, target, 1, "the process crashed",
                OffsetDateTime.now(ZoneOffset.UTC), List.of());
    }

    private static CloudEvent step(String incidentId, String target, RemediationStage stage) {
        return LifecycleEvents.step(incidentId, target, stage, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** The diagnosis and the remediation's ACTING, VERIFYING and RESOLVED, each step awaited where it must be. */
    private static void diagnoseAndResolve(String incidentId, String target) {
        kafka.send(Topics.DIAGNOSES, diagnosis(incidentId, target));
        awaitStatus(incidentId, "DIAGNOSED");
        kafka.send(Topics.REMEDIATIONS, step(incidentId, target, RemediationStage.ACTING));
        kafka.send(Topics.REMEDIATIONS, step(incidentId, target, RemediationStage.VERIFYING));
        kafka.send(Topics.REMEDIATIONS, step(incidentId, target, RemediationStage.RESOLVED));
        awaitStatus(incidentId, "RESOLVED");
    }

    private static void awaitStatus(String incidentId, String status) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/incidents/{id}", incidentId)
                .then().statusCode(200).body("incident.status", equalTo(status)));
    }

    @Test
    void shouldFollowDiagnosisAndRemediationToResolvedAndThenOpenANewIncident() {
        String target = LifecycleEvents.newTarget();
        String incidentId = openIncident(target);

        diagnoseAndResolve(incidentId, target);

        List<String> timeline = given().get("/api/incidents/{id}", incidentId).then().extract()
                .jsonPath().getList("timeline.to");
        assertThat(timeline).containsExactly("OPEN", "DIAGNOSED", "REMEDIATING", "VERIFYING", "RESOLVED");
        assertThat(openIncident(target)).isNotEqualTo(incidentId);
    }

    /**
     * An alert storm on the incident while its lifecycle moves: every alert join takes the incident's row, and the
     * lifecycle steps must still be applied (not lost to the joins and dead-lettered), in order, within the wait.
     */
    @Test
    void shouldFollowTheLifecycleWhileAnAlertStormJoinsTheIncident() throws Exception {
        String target = LifecycleEvents.newTarget();
        String incidentId = openIncident(target);
        AtomicBoolean storming = new AtomicBoolean(true);
        AtomicInteger joined = new AtomicInteger();
        ExecutorService storm = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            storm.submit(() -> {
                while (storming.get()) {
                    String id = given().contentType(ContentType.JSON)
                            .body(Map.of("type", "CRASH", "service", target, "summary", "still down"))
                            .post("/api/alerts").then().statusCode(202).extract().path("incidentId");
                    if (incidentId.equals(id)) {
                        joined.incrementAndGet();
                    }
                }
                return null;
            });
        }
        try {
            await().atMost(WAIT).until(() -> joined.get() >= 20);
            diagnoseAndResolve(incidentId, target);
        } finally {
            storming.set(false);
            storm.shutdown();
            assertThat(storm.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(joined.get()).as("alerts that joined during the lifecycle").isGreaterThan(20);
        List<String> timeline = given().get("/api/incidents/{id}", incidentId).then().extract()
                .jsonPath().getList("timeline.to");
        assertThat(timeline).containsExactly("OPEN", "DIAGNOSED", "REMEDIATING", "VERIFYING", "RESOLVED");
        kafka.awaitNone("dead-letter-topic-remediations-in", r -> r.value().contains(incidentId), Duration.ofSeconds(1));
        kafka.awaitNone("dead-letter-topic-diagnoses-in", r -> r.value().contains(incidentId), Duration.ofSeconds(1));
    }

    @Test
    void shouldApplyARedeliveredEventOnce() {
        String target = LifecycleEvents.newTarget();
        String incidentId = openIncident(target);
        CloudEvent diagnosed = diagnosis(incidentId, target);

        kafka.send(Topics.DIAGNOSES, diagnosed);
        kafka.send(Topics.DIAGNOSES, diagnosed);
        awaitStatus(incidentId, "DIAGNOSED");
        kafka.send(Topics.REMEDIATIONS, step(incidentId, target, RemediationStage.AWAITING_APPROVAL));
        awaitStatus(incidentId, "AWAITING_APPROVAL");

        List<String> timeline = given().get("/api/incidents/{id}", incidentId).then().extract()
                .jsonPath().getList("timeline.to");
        assertThat(timeline).containsExactly("OPEN", "DIAGNOSED", "AWAITING_APPROVAL");
    }

    @Test
    void shouldNotMoveAnIncidentBackWhenTheDiagnosisArrivesAfterTheRemediation() {
        String target = LifecycleEvents.newTarget();
        String incidentId = openIncident(target);

        kafka.send(Topics.REMEDIATIONS, step(incidentId, target, RemediationStage.ACTING));
        awaitStatus(incidentId, "REMEDIATING");
        kafka.send(Topics.DIAGNOSES, diagnosis(incidentId, target));
        await().atMost(WAIT).until(() -> given().get("/api/incidents/{id}", incidentId).then().extract()
                .jsonPath().getList("timeline").size() == 3);

        given().get("/api/incidents/{id}", incidentId).then().body("incident.status", equalTo("REMEDIATING"));
    }

    @Test
    void shouldKeepConsumingAfterARecordThatIsNotACloudEvent() {
        String target = LifecycleEvents.newTarget();
        String incidentId = openIncident(target);

        kafka.send(Topics.REMEDIATIONS, incidentId, "this is not an event");
        kafka.send(Topics.REMEDIATIONS, step(incidentId, target, RemediationStage.ESCALATED));

        awaitStatus(incidentId, "ESCALATED");
        kafka.awaitRecords("dead-letter-topic-remediations-in", r -> "this is not an event".equals(r.value()), 1, WAIT);
    }

    /** A decision approval-service did not sign is shown on the timeline as a refused attempt, not as a decision. */
    @Test
    void shouldNoteARefusedDecisionOnTheTimelineInsteadOfMirroringIt() {
        String target = LifecycleEvents.newTarget();
        String incidentId = openIncident(target);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CloudEvent forged = LifecycleEvents.decision(incidentId, target, ApprovalDecision.Kind.APPROVE, "mallory",
                "trust me", now).signed(null);
        CloudEvent genuine = LifecycleEvents.decision(incidentId, target, ApprovalDecision.Kind.APPROVE, "alice",
                "looks right", now);

        kafka.send(Topics.APPROVALS, forged);
        kafka.send(Topics.APPROVALS, genuine);
        await().atMost(WAIT).until(() -> given().get("/api/incidents/{id}", incidentId).then().extract()
                .jsonPath().getList("timeline").size() == 3);

        List<Map<String, Object>> timeline = given().get("/api/incidents/{id}", incidentId).then().extract()
                .jsonPath().getList("timeline");
        assertThat(timeline).extracting(step -> (String) step.get("reason")).containsExactlyInAnyOrder(
                "CRASH from APP_WEBHOOK: exited with 3",
                "refused a decision (APPROVE) naming mallory from /aegisops/approval-service: not applied, it carries no"
                        + " signature",
                "approve: looks right");
        assertThat(timeline).extracting(step -> (String) step.get("actor"))
                .containsExactlyInAnyOrder("monitor-service (app-webhook)", "monitor-service (event bus)", "alice");
        given().get("/api/incidents/{id}", incidentId).then().body("incident.status", equalTo("OPEN"));
    }
}
