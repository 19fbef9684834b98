package io.aegisops.diagnosis.messaging;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.Citation;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.FactNames;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.Fact;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.Topics;
import io.aegisops.diagnosis.Fixtures;
import io.aegisops.diagnosis.runbook.RunbookIndex;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaResource;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.aegisops.diagnosis.Fixtures.alert;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * aegis.alerts in, aegis.diagnoses out, against a real PostgreSQL and a real Kafka broker. Every test owns its
 * incidents, so the tests share the topics and the database without depending on each other's order. The
 * topics have one partition, so the events of one incident are consumed in the order they were sent: once
 * the diagnosis caused by a later event is visible, every earlier event has been handled.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "diagnosis"))
@TestSecurity(user = "vera", roles = Roles.VIEWER)
class DiagnosisFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = "dead-letter-topic-alerts-in";
    private static KafkaTestClient kafka;

    private final DataSource dataSource;
    private final RunbookIndex runbookIndex;

    DiagnosisFlowTest(DataSource dataSource, RunbookIndex runbookIndex) {
        this.dataSource = dataSource;
        this.runbookIndex = runbookIndex;
    }

    @BeforeAll
    static void connect() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        kafka = new KafkaTestClient();
        createDeadLetterTopic();
    }

    /**
     * A consumer that subscribes to a topic before it exists may not see it for minutes (metadata refresh), so
     * the dead-letter topic is created before anyone reads or writes it.
     */
    private static void createDeadLetterTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaResource.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(DEAD_LETTERS, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    /** One incident as monitor-service announces it, alert by alert, and investigation by investigation. */
    private static final class Incident {
        final String id = UUID.randomUUID().toString();
        final List<AlertView> alerts = new ArrayList<>();

        CloudEvent alerted(AlertView alert) {
            alerts.add(alert);
            String type = alerts.size() == 1 ? EventTypes.INCIDENT_OPENED : EventTypes.ALERT_JOINED;
            return EventCodec.create("/aegisops/monitor-service", type, id, "checkout",
                    Fixtures.alertEvent(id, IncidentStatus.OPEN, alerts));
        }

        /**
         * What monitor-service does for every alert: announces it and, when its type is new to the incident,
         * investigates (here with every claim corroborated).
         */
        void report(AlertView alert) {
            boolean newType = alerts.stream().noneMatch(a -> a.type() == alert.type());
            send(alerted(alert));
            if (newType) {
                send(investigated(true, Fixtures.runningFacts()));
            }
        }

        CloudEvent investigated(boolean corroborated, List<Fact> facts) {
            return Fixtures.investigationEvent(Fixtures.investigation(id, alerts, corroborated, facts));
        }

        CloudEvent became(IncidentStatus status) {
            return EventCodec.create("/aegisops/monitor-service", EventTypes.INCIDENT_STATUS_CHANGED, id, "checkout",
                    Fixtures.incident(id, status, alerts));
        }
    }

    private static void send(CloudEvent event) {
        kafka.send(Topics.ALERTS, event);
    }

    /** The first {@code count} diagnoses published for the incident, in publication order. */
    private static List<Diagnosis> published(Incident incident, int count) {
        return kafka.awaitEvents(Topics.DIAGNOSES, e -> incident.id.equals(e.incidentid()), count, WAIT).stream()
                .map(e -> EventCodec.data(e, Diagnosis.class))
                .toList();
    }

    private static List<Diagnosis> stored(Incident incident) {
        return List.of(given().queryParam("incidentId", incident.id).get("/api/diagnoses")
                .then().statusCode(200).extract().as(Diagnosis[].class));
    }

    private long count(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldDiagnoseANewIncidentAndPublishExactlyOneDiagnosisKeyedByTheIncident() {
        // Runbooks are indexed off the start-up path; until then a diagnosis cites none.
        await().atMost(Duration.ofMinutes(2)).until(runbookIndex::ready);
        Incident incident = new Incident();

        incident.report(alert(AlertType.MEMORY_PRESSURE, "heap 93.1% used (238 of 256 MB), threshold 85%",
                Map.of("heapUsedPercent", 93.1, "heapUsedMb", 238.3, "heapMaxMb", 256),
                "Memory fault: retaining 16 MB more, 224 MB in total"));

        Diagnosis diagnosis = published(incident, 1).get(0);
        assertThat(diagnosis.corroborated()).isTrue();
        assertThat(diagnosis.investigationId()).isNotNull();
        assertThat(diagnosis.citations()).filteredOn(c -> c.kind() == Citation.Kind.FACT)
                .extracting(Citation::kind, Citation::ref)
                .containsExactly(tuple(Citation.Kind.FACT, "F1"), tuple(Citation.Kind.FACT, "F2"),
                        tuple(Citation.Kind.FACT, "F4"));
        List<Citation> runbooks = diagnosis.citations().stream()
                .filter(c -> c.kind() == Citation.Kind.RUNBOOK).toList();
        assertThat(runbooks).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        assertThat(runbooks.get(0).ref()).startsWith("memory-leak.md#");
        assertThat(runbooks.get(0).title()).startsWith("Memory leak / heap pressure — ");
        assertThat(diagnosis.evidence()).contains("runbook: " + runbooks.get(0).title());
        assertThat(diagnosis.evidence().get(0)).startsWith("corroboration: the MEMORY_PRESSURE claim is corroborated (F1, F2)");
        assertThat(diagnosis.evidence().get(1)).isEqualTo("fact F1 (engine.inspect): State: running");
        assertThat(diagnosis.incidentId()).isEqualTo(incident.id);
        assertThat(diagnosis.revision()).isEqualTo(1);
        assertThat(diagnosis.ruleId()).isEqualTo("memory-pressure");
        assertThat(diagnosis.engine()).isEqualTo("rules");
        assertThat(diagnosis.action()).isEqualTo(Action.RESTART);
        assertThat(diagnosis.confidence()).isEqualTo(0.9).isEqualTo(diagnosis.baseConfidence());
        assertThat(diagnosis.target()).isEqualTo("checkout");
        assertThat(diagnosis.alertTypes()).containsExactly(AlertType.MEMORY_PRESSURE);
        assertThat(diagnosis.rootCause()).contains("heap at 93.1% (238.3 of 256 MB)");
        assertThat(diagnosis.evidence()).contains("MEMORY_PRESSURE (APP_WEBHOOK): heap 93.1% used (238 of 256 MB), threshold 85%",
                "log: Memory fault: retaining 16 MB more, 224 MB in total");
        ConsumerRecord<String, String> record = kafka.awaitRecords(Topics.DIAGNOSES,
                r -> incident.id.equals(r.key()), 1, WAIT).get(0);
        CloudEvent event = EventCodec.decode(record.value());
        assertThat(event.type()).isEqualTo(EventTypes.DIAGNOSIS_PROPOSED);
        assertThat(event.source()).isEqualTo("/aegisops/diagnosis-service");
        assertThat(stored(incident)).containsExactly(diagnosis);
        given().get("/api/diagnoses/{id}", diagnosis.id()).then().statusCode(200)
                .body("ruleId", equalTo("memory-pressure"));
        kafka.awaitNone(Topics.DIAGNOSES, r -> incident.id.equals(r.key()) && !r.value().contains(diagnosis.id()),
                Duration.ofSeconds(1));
    }

    @Test
    void shouldDiagnoseTheSameEventDeliveredTwiceOnce() {
        Incident incident = new Incident();
        CloudEvent opened = incident.alerted(alert(AlertType.UNHEALTHY));
        CloudEvent investigated = incident.investigated(true, Fixtures.runningFacts());

        send(opened);
        send(opened);
        send(investigated);
        send(investigated);
        incident.report(alert(AlertType.CRASH, Map.of("exitCode", 1)));

        assertThat(published(incident, 2)).extracting(Diagnosis::revision, Diagnosis::ruleId)
                .containsExactly(tuple(1, "unhealthy"),
                        tuple(2, "crash"));
        assertThat(stored(incident)).hasSize(2);
        assertThat(count("select count(*) from processed_event where event_id = ?", opened.id())).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where event_id = ?", investigated.id())).isEqualTo(1);
    }

    @Test
    void shouldNotReviseForAStormOfJoinedAlertsOfTheSameKindButForOneThatChangesTheWinner() {
        Incident incident = new Incident();

        incident.report(alert(AlertType.MEMORY_PRESSURE, Map.of("heapUsedPercent", 90.0)));
        for (int i = 1; i <= 5; i++) {
            incident.report(alert(AlertType.MEMORY_PRESSURE, Map.of("heapUsedPercent", 90.0 + i)));
        }
        incident.report(alert(AlertType.UNHEALTHY));
        incident.report(alert(AlertType.OOM_KILLED, Map.of("exitCode", 137)));

        List<Diagnosis> published = published(incident, 2);
        assertThat(published).extracting(Diagnosis::revision).containsExactly(1, 2);
        assertThat(published.get(0).ruleId()).isEqualTo("memory-pressure");
        Diagnosis revised = published.get(1);
        assertThat(revised.ruleId()).isEqualTo("oom-killed");
        assertThat(revised.rootCause()).contains("exit code 137").contains("memory limit is too low");
        assertThat(revised.alertTypes()).containsExactly(AlertType.MEMORY_PRESSURE, AlertType.UNHEALTHY,
                AlertType.OOM_KILLED);
        assertThat(stored(incident)).extracting(Diagnosis::revision).containsExactly(2, 1);
        // The test profile keeps 3 alerts per type: a storm does not grow the table.
        assertThat(count("select count(*) from observed_alert where incident_id = ? and type = 'MEMORY_PRESSURE'",
                UUID.fromString(incident.id))).isEqualTo(3);
    }

    @Test
    void shouldNotDiagnoseAClosedIncidentAgain() {
        Incident incident = new Incident();
        incident.report(alert(AlertType.LATENCY));
        assertThat(published(incident, 1).get(0).ruleId()).isEqualTo("latency-lock");

        send(incident.became(IncidentStatus.RESOLVED));
        AlertView late = alert(AlertType.OOM_KILLED);
        incident.report(late);

        await().atMost(WAIT).until(() -> count("select count(*) from observed_alert where id = ?", late.id()) == 1);
        assertThat(stored(incident)).extracting(Diagnosis::ruleId).containsExactly("latency-lock");
    }

    @Test
    void shouldWaitForTheInvestigationBeforeDiagnosing() {
        Incident incident = new Incident();

        send(incident.alerted(alert(AlertType.CRASH, Map.of("exitCode", 1))));
        kafka.awaitNone(Topics.DIAGNOSES, r -> incident.id.equals(r.key()), Duration.ofSeconds(2));
        send(incident.investigated(true, Fixtures.runningFacts()));

        Diagnosis diagnosis = published(incident, 1).get(0);
        assertThat(diagnosis.ruleId()).isEqualTo("crash");
        assertThat(diagnosis.corroborated()).isTrue();
        assertThat(diagnosis.confidence()).isEqualTo(0.88);
    }

    @Test
    void shouldCapAnUncorroboratedClaimSoThatAHumanDecides() {
        Incident incident = new Incident();

        send(incident.alerted(alert(AlertType.CRASH, Map.of("exitCode", 137))));
        send(incident.investigated(false, Fixtures.runningFacts()));

        Diagnosis diagnosis = published(incident, 1).get(0);
        assertThat(diagnosis.ruleId()).isEqualTo("crash-exit-137");
        assertThat(diagnosis.corroborated()).isFalse();
        assertThat(diagnosis.baseConfidence()).isEqualTo(0.9);
        assertThat(diagnosis.confidence()).isEqualTo(0.8);
        assertThat(diagnosis.evidence().get(0))
                .isEqualTo("corroboration: the CRASH claim is NOT corroborated (F1, F2): the facts do not show it");
        assertThat(diagnosis.justification()).endsWith("Not corroborated: the facts do not show it; the confidence is "
                + "capped at 0.80 (from 0.90) so a human decides.");
        assertThat(stored(incident)).containsExactly(diagnosis);
    }

    @Test
    void shouldReviseWhenALaterInvestigationCorroboratesTheClaim() {
        Incident incident = new Incident();

        send(incident.alerted(alert(AlertType.UNHEALTHY)));
        send(incident.investigated(false, Fixtures.runningFacts()));
        send(incident.investigated(true, Fixtures.runningFacts()));

        assertThat(published(incident, 2)).extracting(Diagnosis::revision, Diagnosis::corroborated, Diagnosis::confidence)
                .containsExactly(tuple(1, false, 0.8), tuple(2, true, 0.86));
    }

    @Test
    void shouldTrustTheEnginesOomKilledFlagOverWhatTheAlertSays() {
        Incident incident = new Incident();
        List<Fact> facts = List.of(
                Fixtures.fact("F1", FactNames.STATE, "engine.inspect", "exited", "State: exited (exit code 137)"),
                Fixtures.fact("F2", FactNames.EXIT_CODE, "engine.inspect", 137, "Exit code 137"),
                Fixtures.fact("F3", FactNames.OOM_KILLED, "engine.inspect", true, "OOMKilled=true"));

        send(incident.alerted(alert(AlertType.UNHEALTHY)));
        send(incident.investigated(false, facts));

        Diagnosis diagnosis = published(incident, 1).get(0);
        assertThat(diagnosis.ruleId()).isEqualTo("oom-killed-observed");
        assertThat(diagnosis.corroborated()).isTrue();
        assertThat(diagnosis.confidence()).isEqualTo(0.92);
        assertThat(diagnosis.rootCause()).contains("OOMKilled=true (exit code 137)");
        assertThat(diagnosis.citations()).extracting(Citation::ref).startsWith("F3");
    }

    @Test
    void shouldDeadLetterAnInvestigationWithDuplicateFactIds() {
        Incident incident = new Incident();
        List<Fact> twice = List.of(
                Fixtures.fact("F1", FactNames.STATE, "engine.inspect", "running", "State: running"),
                Fixtures.fact("F1", FactNames.OOM_KILLED, "engine.inspect", true, "OOMKilled=true"));
        send(incident.alerted(alert(AlertType.CRASH, Map.of("exitCode", 1))));
        CloudEvent ambiguous = incident.investigated(true, twice);

        send(ambiguous);
        send(incident.investigated(true, Fixtures.runningFacts()));

        assertThat(published(incident, 1).get(0).citations()).extracting(Citation::ref).contains("F1", "F2");
        try (KafkaTestClient deadLetters = new KafkaTestClient()) {
            List<ConsumerRecord<String, String>> dead = deadLetters.awaitRecords(DEAD_LETTERS,
                    r -> r.value().contains(ambiguous.id()), 1, WAIT);
            assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value()))
                    .contains("has two facts with id F1");
        }
    }

    @Test
    void shouldDeadLetterUnreadableRecordsAndKeepConsuming() {
        Incident incident = new Incident();
        String notAnEvent = "this is not a CloudEvent " + incident.id;
        CloudEvent withoutAlert = EventCodec.create("/aegisops/monitor-service", EventTypes.INCIDENT_OPENED,
                incident.id, "checkout", Map.of("incident", Map.of("id", incident.id, "status", "OPEN")));
        CloudEvent notForUs = EventCodec.create("/aegisops/monitor-service", EventTypes.ALERT_RESOLVED, incident.id,
                "checkout", Map.of("anything", "at all"));

        kafka.send(Topics.ALERTS, incident.id, notAnEvent);
        send(withoutAlert);
        send(notForUs);
        incident.report(alert(AlertType.CRASH, Map.of("exitCode", 2)));

        assertThat(published(incident, 1).get(0).rootCause()).contains("exit code 2");
        List<ConsumerRecord<String, String>> dead;
        // A client of its own: a second topic read by the shared client would join its consumer group and wait
        // for a rebalance that the idle aegis.diagnoses reader never answers.
        try (KafkaTestClient deadLetters = new KafkaTestClient()) {
            dead = deadLetters.awaitRecords(DEAD_LETTERS, r -> incident.id.equals(r.key()), 2, WAIT);
        }
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(notAnEvent, EventCodec.encode(withoutAlert));
        assertThat(new String(dead.get(1).headers().lastHeader("dead-letter-reason").value()))
                .contains("needs both 'incident' and 'alert'");
    }

    @Test
    void shouldCountDiagnosesByRuleAndAction() {
        Incident incident = new Incident();

        incident.report(alert(AlertType.DEPENDENCY_DOWN));

        assertThat(published(incident, 1).get(0).action()).isEqualTo(Action.ESCALATE);
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("aegis_diagnoses_total{action=\"ESCALATE\",engine=\"rules\",rule=\"dependency-down\"}")));
    }
}
