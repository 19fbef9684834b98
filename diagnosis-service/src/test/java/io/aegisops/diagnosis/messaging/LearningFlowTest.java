package io.aegisops.diagnosis.messaging;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.Topics;
import io.aegisops.diagnosis.Fixtures;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.aegisops.testsupport.SignedEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Learning through the real broker: decisions on aegis.approvals move the confidence of the next diagnosis of
 * the same pattern (service, deciding alert type, action), and a request for changes is answered with a
 * revised diagnosis. Every test uses a service of its own, so learnt patterns are never shared between tests.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "diagnosis"))
@TestSecurity(user = "vera", roles = Roles.VIEWER)
class LearningFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
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

    private static String newService() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Opens an incident of {@code service} with one alert and returns its first diagnosis. */
    private static Diagnosis diagnosedIncident(String service, AlertType type) {
        String incidentId = UUID.randomUUID().toString();
        AlertView alert = Fixtures.alertOf(service, type, type + " on " + service, Map.of());
        kafka.send(Topics.ALERTS, EventCodec.create("/aegisops/monitor-service", EventTypes.INCIDENT_OPENED, incidentId,
                service, new AlertEvent(Fixtures.incidentOf(service, incidentId, IncidentStatus.OPEN, List.of(alert)),
                        alert)));
        kafka.send(Topics.ALERTS, Fixtures.investigationEvent(
                Fixtures.investigation(incidentId, List.of(alert), true, Fixtures.runningFacts())));
        return diagnoses(incidentId, 1).get(0);
    }

    private static List<Diagnosis> diagnoses(String incidentId, int count) {
        return kafka.awaitEvents(Topics.DIAGNOSES, e -> incidentId.equals(e.incidentid()), count, WAIT).stream()
                .map(e -> EventCodec.data(e, Diagnosis.class))
                .toList();
    }

    /** What remediation-service and approval-service publish for one human decision on the diagnosis. */
    private static List<CloudEvent> decisionOn(Diagnosis diagnosis, ApprovalDecision.Kind kind, Action action,
                                               String reason, String feedback) {
        String requestId = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ApprovalRequest request = new ApprovalRequest(requestId, diagnosis.incidentId(), UUID.randomUUID().toString(),
                diagnosis.id(), diagnosis.target(), diagnosis.container(), diagnosis.action(), diagnosis.confidence(),
                diagnosis.rootCause(), diagnosis.evidence(), "confidence below 0.85", now, diagnosis.citations());
        ApprovalDecision decision = new ApprovalDecision(requestId, diagnosis.incidentId(), kind, action, "alice",
                reason, feedback, now);
        List<CloudEvent> events = new ArrayList<>();
        events.add(EventCodec.create("/aegisops/remediation-service", EventTypes.APPROVAL_REQUESTED,
                diagnosis.incidentId(), diagnosis.target(), request));
        events.add(SignedEvents.sign(EventCodec.create("/aegisops/approval-service", EventTypes.APPROVAL_DECIDED,
                diagnosis.incidentId(), diagnosis.target(), decision)));
        return events;
    }

    private static void decide(Diagnosis diagnosis, ApprovalDecision.Kind kind, int times) {
        for (int i = 0; i < times; i++) {
            Action action = kind == ApprovalDecision.Kind.OVERRIDE ? Action.STOP : null;
            String reason = kind == ApprovalDecision.Kind.REJECT ? "not this" : null;
            decisionOn(diagnosis, kind, action, reason, null).forEach(e -> kafka.send(Topics.APPROVALS, e));
        }
    }

    private static JsonPath learnt(String service) {
        return given().queryParam("service", service).get("/api/learning").then().statusCode(200).extract().jsonPath();
    }

    private static void awaitDecisions(String service, int count) {
        await().atMost(WAIT).until(() -> learnt(service).getInt("patterns.size()") == 1
                && learnt(service).getInt("patterns[0].decisions") == count);
    }

    @Test
    void shouldRaiseAnApprovedPatternPastTheAutoThresholdOnlyAfterEnoughDecisions() {
        String service = newService();
        Diagnosis first = diagnosedIncident(service, AlertType.LATENCY);
        assertThat(first.confidence()).isEqualTo(0.7);
        assertThat(first.justification()).doesNotContain("Learning");

        List<CloudEvent> once = decisionOn(first, ApprovalDecision.Kind.APPROVE, null, null, null);
        once.forEach(e -> kafka.send(Topics.APPROVALS, e));
        once.forEach(e -> kafka.send(Topics.APPROVALS, e));
        decide(first, ApprovalDecision.Kind.APPROVE, 1);
        awaitDecisions(service, 2);

        Diagnosis belowTheFloor = diagnosedIncident(service, AlertType.LATENCY);
        assertThat(belowTheFloor.confidence()).isEqualTo(0.7).isEqualTo(belowTheFloor.baseConfidence());
        assertThat(belowTheFloor.justification()).contains("below 3 the rule's confidence 0.70 stands");
        assertThat(learnt(service).getBoolean("patterns[0].adjusted")).isFalse();

        decide(first, ApprovalDecision.Kind.APPROVE, 9);
        awaitDecisions(service, 11);

        Diagnosis learntToAct = diagnosedIncident(service, AlertType.LATENCY);
        assertThat(learntToAct.baseConfidence()).isEqualTo(0.7);
        assertThat(learntToAct.confidence()).isGreaterThan(0.85).isCloseTo(18.0 / 21, within(1e-3));
        assertThat(learntToAct.justification()).contains("moves from the rule's 0.70 to 0.86");
        assertThat(learntToAct.evidence()).contains(
                "learning: " + service + ", LATENCY → RESTART: 11 approved, 0 rejected, 0 overridden by humans");
        JsonPath pattern = learnt(service);
        assertThat(pattern.getString("patterns[0].alertType")).isEqualTo("LATENCY");
        assertThat(pattern.getString("patterns[0].action")).isEqualTo("RESTART");
        assertThat(pattern.getInt("patterns[0].approved")).isEqualTo(11);
        assertThat(pattern.getDouble("patterns[0].baseConfidence")).isEqualTo(0.7);
        assertThat(pattern.getDouble("patterns[0].confidence")).isGreaterThan(0.85);
        assertThat(pattern.getInt("minDecisions")).isEqualTo(3);
    }

    @Test
    void shouldLowerARejectedPatternAndIgnoreTimeoutsAndRequestsForChanges() {
        String service = newService();
        Diagnosis first = diagnosedIncident(service, AlertType.MEMORY_PRESSURE);
        assertThat(first.confidence()).isEqualTo(0.9);

        decide(first, ApprovalDecision.Kind.REJECT, 2);
        decide(first, ApprovalDecision.Kind.OVERRIDE, 1);
        decide(first, ApprovalDecision.Kind.EXPIRE, 1);
        awaitDecisions(service, 3);

        Diagnosis distrusted = diagnosedIncident(service, AlertType.MEMORY_PRESSURE);
        assertThat(distrusted.baseConfidence()).isEqualTo(0.9);
        assertThat(distrusted.confidence()).isCloseTo(9.0 / 13, within(1e-3)).isLessThan(0.85);
        JsonPath pattern = learnt(service);
        assertThat(pattern.getInt("patterns[0].rejected")).isEqualTo(2);
        assertThat(pattern.getInt("patterns[0].overridden")).isEqualTo(1);
        assertThat(pattern.getInt("patterns[0].approved")).isZero();
    }

    @Test
    void shouldReviseTheDiagnosisWithTheHumansFeedbackAndAction() {
        String service = newService();
        Diagnosis first = diagnosedIncident(service, AlertType.LATENCY);

        decisionOn(first, ApprovalDecision.Kind.REQUEST_CHANGES, Action.STOP, null,
                "the pool is exhausted by a batch job; stop it and page the DBA")
                .forEach(e -> kafka.send(Topics.APPROVALS, e));

        Diagnosis revised = diagnoses(first.incidentId(), 2).get(1);
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.action()).isEqualTo(Action.STOP);
        assertThat(revised.confidence()).isEqualTo(0.7).isEqualTo(revised.baseConfidence());
        assertThat(revised.rootCause()).isEqualTo(first.rootCause());
        assertThat(revised.ruleId()).isEqualTo("latency-lock");
        assertThat(revised.evidence().get(0))
                .isEqualTo("human feedback (alice): the pool is exhausted by a batch job; stop it and page the DBA");
        assertThat(revised.justification()).startsWith("Revised at the request of alice")
                .contains("The action STOP is their explicit choice (the rule proposed RESTART)")
                .contains("not adjusted by learning");
        assertThat(given().queryParam("incidentId", first.incidentId()).get("/api/diagnoses").then().statusCode(200)
                .extract().jsonPath().getList("action")).containsExactly("STOP", "RESTART");
        assertThat(learnt(service).getList("patterns")).isEmpty();
    }

    @Test
    void shouldKeepTheActionWhenTheFeedbackNamesOneAHumanMayNotChoose() {
        Diagnosis first = diagnosedIncident(newService(), AlertType.CPU_SATURATION);

        decisionOn(first, ApprovalDecision.Kind.REQUEST_CHANGES, Action.ROLLBACK, null, "roll back the deploy")
                .forEach(e -> kafka.send(Topics.APPROVALS, e));

        Diagnosis revised = diagnoses(first.incidentId(), 2).get(1);
        assertThat(revised.action()).isEqualTo(Action.RESTART);
        assertThat(revised.justification()).contains("ROLLBACK is not an action a human may choose here");
    }
}
