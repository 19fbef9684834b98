package io.aegisops.monitor.investigation;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Claim;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.Investigation;
import io.aegisops.contract.Topics;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Investigations inside the running service, against a real PostgreSQL and Kafka: an alert asks for one in its own
 * transaction, it completes after commit and is announced on aegis.alerts, and a storm asks only once per new type.
 * The %test profile has no engine, so every claim stays uncorroborated, which is the point of a forged alert.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "monitor"))
@TestSecurity(user = "intake", roles = {Roles.REPORTER, Roles.VIEWER})
class InvestigationFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaTestClient kafka;

    private final Investigations investigations;

    InvestigationFlowTest(Investigations investigations) {
        this.investigations = investigations;
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

    private static String newTarget() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String post(String target, String type) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("type", type, "service", target, "summary", type + " reported by its sender"))
                .post("/api/alerts").then().statusCode(202).extract().path("incidentId");
    }

    private static List<Map<String, Object>> investigationsOf(String incidentId) {
        return given().get("/api/incidents/{id}/investigations", incidentId)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static List<Investigation> announced(String incidentId, int count) {
        return kafka.awaitEvents(Topics.ALERTS, e -> incidentId.equals(e.incidentid())
                        && EventTypes.INVESTIGATION_COMPLETED.equals(e.type()), count, WAIT).stream()
                .map(e -> EventCodec.data(e, Investigation.class)).toList();
    }

    @Test
    void shouldInvestigateANewIncidentAndAnnounceItKeyedByTheIncident() {
        String target = newTarget();
        String incidentId = post(target, "CRASH");

        Investigation investigation = announced(incidentId, 1).get(0);

        assertThat(investigation.incidentId()).isEqualTo(incidentId);
        assertThat(investigation.target()).isEqualTo(target);
        assertThat(investigation.facts()).isEmpty();
        assertThat(investigation.toolCalls()).singleElement()
                .satisfies(call -> assertThat(call.outcome()).contains("not configured"));
        assertThat(investigation.claimFor(AlertType.CRASH)).hasValueSatisfying(claim -> {
            assertThat(claim.corroborated()).isFalse();
            assertThat(claim.reason()).contains("no container");
        });
        String triggerAlert = given().get("/api/incidents/{id}", incidentId).then().extract().path("alerts[0].id");
        assertThat(investigation.triggerAlertId()).isEqualTo(triggerAlert);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/incidents/{id}/investigations", incidentId)
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].status", equalTo("COMPLETED"))
                .body("[0].alertType", equalTo("CRASH"))
                .body("[0].report.id", equalTo(investigation.id()))
                .body("[0].report.claims[0].corroborated", equalTo(false)));
    }

    @Test
    void shouldInvestigateOncePerNewAlertTypeHoweverManyAlertsArrive() throws Exception {
        String target = newTarget();
        String incidentId = post(target, "CRASH");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> storm = IntStream.range(0, 50)
                    .<Callable<String>>mapToObj(i -> () -> post(target, "CRASH")).toList();
            for (Future<String> joined : pool.invokeAll(storm)) {
                assertThat(joined.get()).isEqualTo(incidentId);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(investigationsOf(incidentId)).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("alertType", "CRASH"));

        post(target, "MEMORY_PRESSURE");

        assertThat(investigationsOf(incidentId)).extracting(i -> i.get("alertType"))
                .containsExactly("MEMORY_PRESSURE", "CRASH");
        List<Investigation> both = announced(incidentId, 2);
        assertThat(both).extracting(Investigation::id).doesNotHaveDuplicates();
        // The second one judges every type the incident has by then, in the order they were first seen.
        assertThat(both).extracting(i -> i.claims().stream().map(Claim::alertType).toList())
                .containsExactlyInAnyOrder(List.of(AlertType.CRASH),
                        List.of(AlertType.CRASH, AlertType.MEMORY_PRESSURE));
    }

    @Test
    void shouldCompleteAPendingInvestigationWhoseWakeUpWasLost() {
        String incidentId = post(newTarget(), "LATENCY");
        String alertId = given().get("/api/incidents/{id}", incidentId).then().extract().path("alerts[0].id");
        UUID lost = UUID.randomUUID();
        // Written without the after-commit wake-up, as if monitor had died right after the alert's commit.
        QuarkusTransaction.requiringNew().run(() -> {
            StoredInvestigation row = new StoredInvestigation();
            row.id = lost;
            row.incidentId = UUID.fromString(incidentId);
            row.triggerAlertId = UUID.fromString(alertId);
            row.alertType = AlertType.UNHEALTHY;
            row.status = InvestigationStatus.PENDING;
            row.requestedAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1);
            row.persist();
        });

        List<Investigation> announced = announced(incidentId, 2);

        assertThat(announced).extracting(Investigation::id).contains(lost.toString());
    }

    @Test
    void shouldJudgeTheLatestFiringAlertOfEachTypeWhateverTheIncidentAbsorbed() {
        String target = newTarget();
        String incidentId = post(target, "CRASH");
        post(target, "CRASH");
        post(target, "MEMORY_PRESSURE");
        post(target, "CRASH");
        List<Map<String, Object>> alerts = given().get("/api/incidents/{id}", incidentId).then().extract()
                .jsonPath().getList("alerts");
        String latestCrash = (String) alerts.get(3).get("id");
        String memory = (String) alerts.get(2).get("id");
        UUID pending = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            StoredInvestigation row = new StoredInvestigation();
            row.id = pending;
            row.incidentId = UUID.fromString(incidentId);
            row.triggerAlertId = UUID.fromString(latestCrash);
            row.alertType = AlertType.LATENCY;
            row.status = InvestigationStatus.PENDING;
            row.requestedAt = OffsetDateTime.now(ZoneOffset.UTC);
            row.persist();
        });

        InvestigationContext context = investigations.context(pending).orElseThrow();

        assertThat(context.alerts()).extracting(ClaimedAlert::type, ClaimedAlert::alertId)
                .containsExactly(tuple(AlertType.CRASH, latestCrash), tuple(AlertType.MEMORY_PRESSURE, memory));
    }

    @Test
    void shouldAnnounceAnInvestigationOnlyOnceWhenItIsCompletedAgain() {
        String target = newTarget();
        String incidentId = post(target, "UNHEALTHY");
        Investigation first = announced(incidentId, 1).get(0);
        InvestigationContext again = new InvestigationContext(UUID.fromString(first.id()), incidentId, target, null,
                first.triggerAlertId(), List.of());

        assertThat(investigations.complete(again, first)).isFalse();
        assertThat(investigations.context(UUID.fromString(first.id()))).isEmpty();
    }

    @Test
    void shouldAnswer400ForABadIdAnd404ForAnUnknownIncident() {
        given().get("/api/incidents/not-a-uuid/investigations").then().statusCode(400)
                .body("violations[0].field", equalTo("id"));
        given().get("/api/incidents/{id}/investigations", UUID.randomUUID()).then().statusCode(404)
                .contentType(ContentType.JSON).body("message", containsString("does not exist"));
    }
}
