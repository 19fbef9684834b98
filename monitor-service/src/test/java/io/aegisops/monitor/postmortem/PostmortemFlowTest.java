package io.aegisops.monitor.postmortem;

import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.Citation;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Topics;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;

import static io.aegisops.monitor.LifecycleEvents.decision;
import static io.aegisops.monitor.LifecycleEvents.diagnosis;
import static io.aegisops.monitor.LifecycleEvents.newTarget;
import static io.aegisops.monitor.LifecycleEvents.step;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * The postmortem inside the running service, against a real PostgreSQL and Kafka: an incident is driven through its
 * lifecycle by the events diagnosis, remediation and approval would send, then written up from what monitor stored.
 * Event times are set by the test, so the figures are exact (but for detection, which is measured to the receipt).
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "monitor"))
@TestSecurity(user = "carol", roles = {Roles.VIEWER, Roles.OPERATOR})
class PostmortemFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String openIncident(String target, String summary, OffsetDateTime observedAt) {
        Map<String, Object> alert = new HashMap<>(Map.of("type", "CRASH", "service", target, "summary", summary));
        if (observedAt != null) {
            alert.put("observedAt", observedAt.toString());
        }
        return given().contentType(ContentType.JSON).body(alert)
                .post("/api/alerts").then().statusCode(202).extract().path("incidentId");
    }

    private static void awaitTimeline(String incidentId, int entries) {
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/incidents/{id}", incidentId)
                .then().statusCode(200).body("timeline", hasSize(entries)));
    }

    private static String postmortem(String incidentId) {
        Response response = given().get("/api/incidents/{id}/postmortem", incidentId);
        response.then().statusCode(200).contentType(startsWith("text/markdown"))
                .header("Content-Type", containsString("charset=UTF-8"));
        return response.asString();
    }

    /** An earlier incident of the target: diagnosed RESTART, then closed by hand. */
    private static String closedByHand(KafkaTestClient kafka, String target) {
        String incidentId = openIncident(target, "exited with 1", null);
        kafka.send(Topics.DIAGNOSES, diagnosis(incidentId, target, 1, "the process crashed",
                OffsetDateTime.now(ZoneOffset.UTC), List.of()));
        awaitTimeline(incidentId, 2);
        given().contentType(ContentType.JSON).body(Map.of("reason", "fixed by hand"))
                .post("/api/incidents/{id}/resolve", incidentId).then().statusCode(200);
        return incidentId;
    }

    /**
     * Drives a new incident of {@code target} through diagnosis (revisions 1, 2 and a late copy of 1), approval,
     * remediation and verification to RESOLVED, each step at a set time (2.5 s to 9.5 s) after its first alert's
     * observation.
     */
    private static String driveToResolved(KafkaTestClient kafka, String target, String earlier) {
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.MILLIS);
        LongFunction<OffsetDateTime> at = millis -> t0.plus(millis, ChronoUnit.MILLIS);
        String incidentId = openIncident(target, "<b>exited</b> | code 3", t0);
        List<Citation> citations = List.of(
                new Citation(Citation.Kind.FACT, "F1", "state", "State: exited (exit code 3)"),
                new Citation(Citation.Kind.RUNBOOK, "crash#restart", "Crash runbook, Restart", "Restart once"),
                new Citation(Citation.Kind.INCIDENT, earlier, "the process crashed", "closed by hand"));

        kafka.send(Topics.DIAGNOSES, diagnosis(incidentId, target, 1, "a first guess", at.apply(2500), List.of()));
        awaitTimeline(incidentId, 2);
        kafka.send(Topics.DIAGNOSES, diagnosis(incidentId, target, 2, "the process crashed on a bad config",
                at.apply(3000), citations));
        // A late copy of revision 1 must not replace revision 2.
        kafka.send(Topics.DIAGNOSES, diagnosis(incidentId, target, 1, "a stale guess", at.apply(3200), List.of()));
        awaitTimeline(incidentId, 4);
        kafka.send(Topics.REMEDIATIONS, step(incidentId, target, RemediationStage.AWAITING_APPROVAL,
                at.apply(3500)));
        awaitTimeline(incidentId, 5);
        kafka.send(Topics.APPROVALS, decision(incidentId, target, ApprovalDecision.Kind.APPROVE, "alice",
                "the restart is safe", at.apply(3800)));
        awaitTimeline(incidentId, 6);
        kafka.send(Topics.REMEDIATIONS, step(incidentId, target, RemediationStage.ACTING, at.apply(4000)));
        kafka.send(Topics.REMEDIATIONS, step(incidentId, target, RemediationStage.VERIFYING, at.apply(6000)));
        kafka.send(Topics.REMEDIATIONS, step(incidentId, target, RemediationStage.RESOLVED, at.apply(9500)));
        awaitTimeline(incidentId, 9);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/incidents/{id}/investigations", incidentId)
                .then().body("[0].status", equalTo("COMPLETED")));

        return incidentId;
    }

    @Test
    void shouldWriteUpAResolvedIncidentFromItsTimelineDiagnosisAndHistory() {
        String target = newTarget();
        String earlier;
        String incidentId;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            earlier = closedByHand(kafka, target);
            incidentId = driveToResolved(kafka, target, earlier);
        }

        String markdown = postmortem(incidentId);

        assertThat(markdown).startsWith("# Postmortem: " + target + " — CRASH\n")
                .contains("- **Status:** RESOLVED", "- **Incident:** " + incidentId)
                // summary: cause and action of the latest revision, how it closed
                .contains("Cause: the process crashed on a bad config (corroborated", "Action: RESTART.",
                        "9.5 s after the first alert, by remediation-service (policy): RESTART: RESOLVED for the test.")
                // timeline: every transition and note
                .contains("| → OPEN | monitor-service (app-webhook) |",
                        "| OPEN → DIAGNOSED | diagnosis-service (rules) |",
                        "| note while DIAGNOSED | diagnosis-service (rules) |",
                        "| note while AWAITING_APPROVAL | alice | approve: the restart is safe |",
                        "| VERIFYING → RESOLVED | remediation-service (policy) | RESTART: RESOLVED for the test |")
                // figures from the first alert's observation
                .containsPattern("\\| Detect \\| incident opened \\| [^|]+ \\| \\d+\\.\\d \\|")
                .contains("| Diagnose | first DIAGNOSED | ", " | 2.5 |", " | 3.5 |", " | 4.0 |", " | 9.5 |")
                // cause: the highest revision, with its citations
                .contains("- **Root cause:** the process crashed on a bad config", "- **Revision:** 2,",
                        "- **Confidence:** 0.88 (base 0.90)", "- **Engine / rule:** rules / crash",
                        "- **Corroborated:** yes", "| FACT | F1 | state | State: exited (exit code 3) |",
                        "| RUNBOOK | crash#restart |", "| INCIDENT | " + earlier + " |")
                .doesNotContain("- **Root cause:** a stale guess")
                // evidence: the alert as inert text, and the investigation the %test profile could make (no engine)
                .contains("| CRASH | APP_WEBHOOK | &lt;b&gt;exited&lt;/b&gt; \\| code 3 |",
                        "No fact could be gathered.",
                        "| CRASH | no |")
                .doesNotContain("<b>")
                // remediation steps, and who decided
                .contains("(AWAITING_APPROVAL → REMEDIATING) **remediation-service (policy)**: "
                                + "RESTART: ACTING for the test",
                        "(REMEDIATING → VERIFYING) **remediation-service (policy)**: RESTART: VERIFYING for the test",
                        "(note while AWAITING_APPROVAL) **alice**: approve: the restart is safe")
                // the earlier incident of the target
                .contains("| " + earlier + " | ", " | RESOLVED | CRASH | RESTART | carol: fixed by hand |");
        assertThat(markdown.substring(markdown.indexOf("## Who decided what"), markdown.indexOf("## Similar")))
                .doesNotContain("remediation-service", "diagnosis-service", "monitor-service");
    }

    @Test
    void shouldSayNoneForTheFirstIncidentOfATargetClosedByHand() {
        String target = newTarget();
        String incidentId;
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            incidentId = closedByHand(kafka, target);
        }

        assertThat(postmortem(incidentId))
                .contains("| Act | first REMEDIATING | n/a | n/a |", "No remediation step was recorded.",
                        "(DIAGNOSED → RESOLVED) **carol**: fixed by hand",
                        "None: no earlier closed incident of " + target + ".");
    }

    @Test
    void shouldRefuseAPostmortemWhileTheIncidentIsOpen() {
        String incidentId = openIncident(newTarget(), "exited with 3", null);

        given().get("/api/incidents/{id}/postmortem", incidentId).then().statusCode(409)
                .contentType(ContentType.JSON)
                .body("status", equalTo(409))
                .body("message", containsString("is still OPEN"));
    }

    @Test
    void shouldNotGetThePostmortemOfAnUnknownIncident() {
        given().get("/api/incidents/{id}/postmortem", UUID.randomUUID().toString()).then().statusCode(404)
                .contentType(ContentType.JSON)
                .body("status", equalTo(404));
    }

    @Test
    void shouldRejectAnIdThatIsNotAUuid() {
        given().get("/api/incidents/{id}/postmortem", "not-a-uuid").then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("violations[0].field", equalTo("id"));
    }
}
