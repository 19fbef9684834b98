package io.aegisops.monitor.rest;

import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.Topics;
import io.aegisops.kit.auth.Roles;
import io.aegisops.monitor.service.SourceResolution;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * The intakes against a real PostgreSQL and a real Kafka broker: what goes in over HTTP must come out as
 * one incident row and its events on aegis.alerts, keyed by incident id. Every test uses its own target,
 * so the tests share the database without depending on each other's order.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "monitor"))
@TestSecurity(user = "intake", roles = {Roles.REPORTER, Roles.VIEWER})
class AlertIntakeTest {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(30);
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

    private static String newTarget() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String appAlert(String service, String type) {
        return """
                {"type":"%s","service":"%s","severity":"WARNING","summary":"heap at 93%%",
                 "metrics":{"heapUsedPercent":93.1},"evidence":["GC overhead","allocating"]}"""
                .formatted(type, service);
    }

    static String alertmanager(String service, String alertname, String fingerprint, String status) {
        return """
                {"version":"4","groupKey":"{}:{alertname=\\"%2$s\\"}","status":"%4$s","receiver":"aegis",
                 "groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am:9093",
                 "alerts":[{"status":"%4$s","labels":{"alertname":"%2$s","service":"%1$s","severity":"critical"},
                   "annotations":{"summary":"%2$s on %1$s","description":"p95 above 2s for 5m"},
                   "startsAt":"2026-11-22T10:00:00Z","endsAt":"0001-01-01T00:00:00Z",
                   "generatorURL":"http://prometheus/graph","fingerprint":"%3$s"}]}"""
                .formatted(service, alertname, fingerprint, status);
    }

    @Inject
    SourceResolution sourceResolution;

    private static List<Map<String, Object>> incidentsOf(String target) {
        return given().queryParam("target", target).get("/api/incidents")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void shouldOpenAnIncidentFromAnAlertmanagerAlertAndPublishItKeyedByIncident() {
        String target = newTarget();

        given().contentType(ContentType.JSON).body(alertmanager(target, "HighLatency", "fp-" + target, "firing"))
                .post("/api/alerts/alertmanager")
                .then().statusCode(200).body("accepted", equalTo(1)).body("duplicates", equalTo(0));

        List<Map<String, Object>> incidents = incidentsOf(target);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0)).containsEntry("status", "OPEN").containsEntry("severity", "CRITICAL")
                .containsEntry("alertTypes", List.of("LATENCY"));
        String incidentId = (String) incidents.get(0).get("id");
        ConsumerRecord<String, String> record = kafka.awaitRecords(Topics.ALERTS,
                r -> incidentId.equals(r.key()), 1, KAFKA_WAIT).get(0);
        CloudEvent event = EventCodec.decode(record.value());
        assertThat(event.type()).isEqualTo(EventTypes.INCIDENT_OPENED);
        assertThat(event.incidentid()).isEqualTo(incidentId);
        assertThat(event.source()).isEqualTo("/aegisops/monitor-service");
        assertThat(new String(record.headers().lastHeader("content-type").value()))
                .startsWith("application/cloudevents+json");
        AlertEvent data = EventCodec.data(event, AlertEvent.class);
        assertThat(data.alert().fingerprint()).isEqualTo("fp-" + target);
        assertThat(data.alert().evidence()).contains("p95 above 2s for 5m");
    }

    @Test
    void shouldJoinAlertsOfAnyTypeAndSourceToTheOneOpenIncident() {
        String target = newTarget();

        given().contentType(ContentType.JSON).body(appAlert(target, "MEMORY_PRESSURE")).post("/api/alerts")
                .then().statusCode(202).body("newIncident", equalTo(true));
        given().contentType(ContentType.JSON).body(alertmanager(target, "InstanceDown", "fp-" + target, "firing"))
                .post("/api/alerts/alertmanager").then().statusCode(200);
        given().contentType(ContentType.JSON).body(appAlert(target, "MEMORY_PRESSURE")).post("/api/alerts")
                .then().statusCode(202).body("newIncident", equalTo(false));

        List<Map<String, Object>> incidents = incidentsOf(target);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0)).containsEntry("alertCount", 3)
                .containsEntry("alertTypes", List.of("MEMORY_PRESSURE", "UNHEALTHY"))
                .containsEntry("severity", "CRITICAL");
        String incidentId = (String) incidents.get(0).get("id");
        given().get("/api/incidents/{id}", incidentId).then().statusCode(200)
                .body("alerts.size()", equalTo(3))
                .body("alerts.source", hasItems("APP_WEBHOOK", "ALERTMANAGER"))
                .body("timeline[0].to", equalTo("OPEN"));
        // Investigations of the incident are announced on the same topic; this test is about the alerts.
        List<CloudEvent> events = kafka.awaitEvents(Topics.ALERTS, e -> incidentId.equals(e.incidentid())
                && !EventTypes.INVESTIGATION_COMPLETED.equals(e.type()), 3, KAFKA_WAIT);
        assertThat(events).extracting(CloudEvent::type).containsExactly(EventTypes.INCIDENT_OPENED,
                EventTypes.ALERT_JOINED, EventTypes.ALERT_JOINED);
    }

    @Test
    void shouldStoreARedeliveredAlertmanagerNotificationOnce() {
        String target = newTarget();
        String payload = alertmanager(target, "HighCpu", "fp-" + target, "firing");

        given().contentType(ContentType.JSON).body(payload).post("/api/alerts/alertmanager")
                .then().statusCode(200).body("accepted", equalTo(1));
        given().contentType(ContentType.JSON).body(payload).post("/api/alerts/alertmanager")
                .then().statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(1));

        assertThat(incidentsOf(target)).singleElement().satisfies(i -> assertThat(i).containsEntry("alertCount", 1));
    }

    @Test
    void shouldRecordAResolvedAlertOnTheIncidentWithoutCountingIt() {
        String target = newTarget();
        given().contentType(ContentType.JSON).body(alertmanager(target, "HighCpu", "fp-" + target, "firing"))
                .post("/api/alerts/alertmanager").then().statusCode(200);

        given().contentType(ContentType.JSON).body(alertmanager(target, "HighCpu", "fp-" + target, "resolved"))
                .post("/api/alerts/alertmanager").then().statusCode(200).body("accepted", equalTo(1));

        Map<String, Object> incident = incidentsOf(target).get(0);
        assertThat(incident).containsEntry("alertCount", 1).containsEntry("status", "OPEN");
        given().get("/api/incidents/{id}", incident.get("id")).then()
                .body("alerts.status", hasItems("firing", "resolved"));
    }

    private static void postAlertmanager(String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/alerts/alertmanager").then().statusCode(200);
    }

    /** The sweep as it runs once the quiet period has passed (the test does not wait the minute out). */
    private void sweepAfterTheQuietPeriod() {
        sourceResolution.resolveDue(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(61));
    }

    @Test
    void shouldResolveAnIncidentItselfOnceEveryAlertResolvedAtItsSourceAndStayedResolved() {
        String target = newTarget();
        postAlertmanager(alertmanager(target, "HighCpu", "fp-" + target, "firing"));
        postAlertmanager(alertmanager(target, "HighCpu", "fp-" + target, "resolved"));
        String id = (String) incidentsOf(target).get(0).get("id");

        given().get("/api/incidents/{id}", id).then().body("incident.status", equalTo("OPEN"))
                .body("timeline[1].actor", equalTo("monitor-service (alertmanager)"))
                .body("timeline[1].reason", containsString("resolved at its source (ALERTMANAGER)"))
                .body("timeline[1].reason", containsString("it resolves itself after the quiet period"));
        sourceResolution.resolveDue(OffsetDateTime.now(ZoneOffset.UTC));
        given().get("/api/incidents/{id}", id).then().body("incident.status", equalTo("OPEN"));

        sweepAfterTheQuietPeriod();

        given().get("/api/incidents/{id}", id).then().body("incident.status", equalTo("RESOLVED"))
                .body("timeline[2].actor", equalTo("monitor-service (source resolution)"))
                .body("timeline[2].reason", containsString("every alert resolved at its source"));
        kafka.awaitEvents(Topics.ALERTS, e -> id.equals(e.incidentid())
                && EventTypes.INCIDENT_STATUS_CHANGED.equals(e.type()), 1, KAFKA_WAIT);
    }

    @Test
    void shouldKeepTheIncidentOpenWhenTheConditionFiresAgainWithinTheQuietPeriod() {
        String target = newTarget();
        postAlertmanager(alertmanager(target, "HighCpu", "fp-" + target, "firing"));
        postAlertmanager(alertmanager(target, "HighCpu", "fp-" + target, "resolved"));
        // A new episode of the same condition: Alertmanager gives it a new start.
        postAlertmanager(alertmanager(target, "HighCpu", "fp-" + target, "firing")
                .replace("2026-11-22T10:00:00Z", "2026-11-22T10:07:00Z"));

        sweepAfterTheQuietPeriod();

        assertThat(incidentsOf(target)).singleElement().satisfies(incident ->
                assertThat(incident).containsEntry("status", "OPEN").containsEntry("alertCount", 2));
    }

    @Test
    void shouldWaitForEverySourceBeforeResolvingAndTakeAnAppsAllClear() {
        String target = newTarget();
        given().contentType(ContentType.JSON).body(appAlert(target, "MEMORY_PRESSURE"))
                .post("/api/alerts").then().statusCode(202);
        postAlertmanager(alertmanager(target, "HighLatency", "fp-" + target, "firing"));
        postAlertmanager(alertmanager(target, "HighLatency", "fp-" + target, "resolved"));

        sweepAfterTheQuietPeriod();
        assertThat(incidentsOf(target).get(0)).containsEntry("status", "OPEN");

        given().contentType(ContentType.JSON).body("""
                        {"type":"MEMORY_PRESSURE","service":"%s","summary":"heap back to 41%%","status":"resolved"}"""
                        .formatted(target))
                .post("/api/alerts").then().statusCode(202);
        sweepAfterTheQuietPeriod();

        assertThat(incidentsOf(target).get(0)).containsEntry("status", "RESOLVED").containsEntry("alertCount", 2);
    }

    @Test
    void shouldRefuseAnAppAlertStatusThatIsNeitherFiringNorResolved() {
        given().contentType(ContentType.JSON).body("""
                        {"type":"CRASH","service":"svc","summary":"s","status":"fixed"}""")
                .post("/api/alerts").then().statusCode(400)
                .body("message", containsString("status"))
                .body("message", containsString("must be 'firing' or 'resolved'"));
    }

    /** An operator resolves; the timeline names the authenticated principal, not the body's (ignored) actor. */
    @Test
    @TestSecurity(user = "alice", roles = {Roles.VIEWER, Roles.OPERATOR})
    void shouldOpenANewIncidentAfterTheOpenOneIsResolved() {
        String target = newTarget();
        String first = given().contentType(ContentType.JSON).body(appAlert(target, "CPU_SATURATION"))
                .post("/api/alerts").then().statusCode(202).extract().path("incidentId");

        given().contentType(ContentType.JSON).body(Map.of("actor", "mallory", "reason", "fixed by hand"))
                .post("/api/incidents/{id}/resolve", first)
                .then().statusCode(200).body("incident.status", equalTo("RESOLVED"))
                .body("timeline[1].actor", equalTo("alice"));
        String second = given().contentType(ContentType.JSON).body(appAlert(target, "CPU_SATURATION"))
                .post("/api/alerts").then().statusCode(202).body("newIncident", equalTo(true))
                .extract().path("incidentId");

        assertThat(second).isNotEqualTo(first);
        given().queryParam("target", target).queryParam("status", "RESOLVED").get("/api/incidents")
                .then().body("id", equalTo(List.of(first)));
        given().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/api/incidents/{id}/resolve", first)
                .then().statusCode(409).body("message", containsString("already RESOLVED"));
        kafka.awaitEvents(Topics.ALERTS, e -> first.equals(e.incidentid())
                && EventTypes.INCIDENT_STATUS_CHANGED.equals(e.type()), 1, KAFKA_WAIT);
    }

    @Test
    void shouldKeepOneIncidentWhenAlertsForANewTargetArriveConcurrently() throws Exception {
        String target = newTarget();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> posts = IntStream.range(0, 8).<Callable<Integer>>mapToObj(i -> () ->
                    given().contentType(ContentType.JSON).body(appAlert(target, i % 2 == 0 ? "LATENCY" : "UNHEALTHY"))
                            .post("/api/alerts").statusCode()).toList();
            for (Future<Integer> status : pool.invokeAll(posts)) {
                assertThat(status.get()).isEqualTo(202);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(incidentsOf(target)).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("alertCount", 8));
    }

    @Test
    void shouldRefuseMalformedJsonNamingThePosition() {
        given().contentType(ContentType.JSON).body("{\"type\": \"CRASH\", ").post("/api/alerts")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("message", containsString("malformed JSON"));
    }

    @Test
    void shouldRefuseAnUnknownAlertTypeNamingTheField() {
        String target = newTarget();

        given().contentType(ContentType.JSON).body(appAlert(target, "GREMLINS")).post("/api/alerts")
                .then().statusCode(400).body("message", containsString("field 'type': 'GREMLINS' is not one of"));

        assertThat(incidentsOf(target)).isEmpty();
    }

    @Test
    void shouldRefuseMissingFieldsListingEachOne() {
        given().contentType(ContentType.JSON).body("{\"severity\":\"INFO\"}").post("/api/alerts")
                .then().statusCode(400).body("violations.field", hasItems("type", "service", "summary"));
    }

    @Test
    void shouldRefuseAWholeAlertmanagerNotificationWhenOneAlertIsInvalid() {
        String target = newTarget();
        String payload = """
                {"version":"4","alerts":[
                  {"status":"firing","labels":{"alertname":"A","service":"%1$s"},"startsAt":"2026-11-22T10:00:00Z"},
                  {"status":"firing","labels":{"service":"%1$s"},"startsAt":"2026-11-22T10:00:00Z"}]}"""
                .formatted(target);

        given().contentType(ContentType.JSON).body(payload).post("/api/alerts/alertmanager")
                .then().statusCode(400).body("violations.field", equalTo(List.of("alerts[1].labels.alertname")));

        assertThat(incidentsOf(target)).isEmpty();
    }

    @Test
    void shouldRefuseAnOversizedBodyWith413() {
        String huge = "{\"type\":\"CRASH\",\"service\":\"x\",\"summary\":\"" + "a".repeat(300_000) + "\"}";

        given().contentType(ContentType.JSON).body(huge).post("/api/alerts")
                .then().statusCode(413).body("message", containsString("exceeds the limit"));
    }

    @Test
    void shouldAnswer400ForABadIdAnd404ForAnUnknownIncident() {
        given().get("/api/incidents/not-a-uuid").then().statusCode(400).body("violations[0].field", equalTo("id"));
        given().get("/api/incidents/{id}", UUID.randomUUID()).then().statusCode(404)
                .body("message", containsString("does not exist"));
        given().queryParam("status", "SLEEPING").get("/api/incidents").then().statusCode(400)
                .body("message", containsString("'SLEEPING' is not one of"));
    }

    @Test
    void shouldBeReadyWithItsDatabaseAndBroker() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
