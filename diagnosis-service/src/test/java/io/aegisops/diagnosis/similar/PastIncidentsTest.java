package io.aegisops.diagnosis.similar;

import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.Citation;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.diagnosis.Fixtures;
import io.aegisops.diagnosis.runbook.CountingEmbedder;
import io.aegisops.diagnosis.runbook.SectionEmbedder;
import io.aegisops.diagnosis.service.DiagnosisService;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Closed incidents kept and found again, with the real model and a real PostgreSQL, through the service as the
 * Kafka consumer calls it (one transaction per event). Every test uses a service of its own, so the past incidents
 * of other tests (which share the database) are not the closest ones.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "diagnosis"))
@TestSecurity(user = "vera", roles = Roles.VIEWER)
class PastIncidentsTest {

    private final DiagnosisService diagnoses;
    private final PastIncidents pastIncidents;
    private final DataSource dataSource;
    private final PastIncidentStore store;
    private final CountingEmbedder embedder;

    PastIncidentsTest(DiagnosisService diagnoses, PastIncidents pastIncidents, DataSource dataSource,
                      PastIncidentStore store, CountingEmbedder embedder) {
        this.diagnoses = diagnoses;
        this.pastIncidents = pastIncidents;
        this.dataSource = dataSource;
        this.store = store;
        this.embedder = embedder;
    }

    @BeforeEach
    void awaitTheModel() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        await().atMost(Duration.ofMinutes(2)).until(pastIncidents::ready);
    }

    private static String newService() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** One incident of a service, as monitor-service reports it: its alerts, each investigated (corroborated). */
    private final class Incident {
        final String id = UUID.randomUUID().toString();
        final String service;
        final List<AlertView> alerts = new ArrayList<>();
        Diagnosis first;

        Incident(String service) {
            this.service = service;
        }

        Diagnosis diagnosed(AlertType type, String summary, Map<String, Object> metrics) {
            alerts.add(Fixtures.alertOf(service, type, summary, metrics));
            AlertEvent event = new AlertEvent(Fixtures.incidentOf(service, id, IncidentStatus.OPEN, alerts),
                    alerts.get(alerts.size() - 1));
            return QuarkusTransaction.requiringNew().call(() -> {
                diagnoses.alertReceived(event);
                return diagnoses.investigationCompleted(Fixtures.investigation(id, alerts, true,
                        Fixtures.runningFacts()));
            }).orElseThrow(() -> new AssertionError("no new revision"));
        }

        void became(IncidentStatus status) {
            QuarkusTransaction.requiringNew().run(() -> diagnoses.statusChanged(
                    Fixtures.incidentOf(service, id, status, alerts)));
        }
    }

    /** A new OOM incident of the service, diagnosed once. */
    private Incident oom(String service) {
        Incident incident = new Incident(service);
        incident.first = incident.diagnosed(AlertType.OOM_KILLED, service + " was OOM-killed",
                Map.of("exitCode", 137));
        return incident;
    }

    private Incident cpu(String service) {
        Incident incident = new Incident(service);
        incident.first = incident.diagnosed(AlertType.CPU_SATURATION, "cpu 97.5% for 3 samples",
                Map.of("cpuPercent", 97.5, "consecutiveSamples", 3));
        return incident;
    }

    private static List<Citation> incidentCitations(Diagnosis diagnosis) {
        return diagnosis.citations().stream().filter(c -> c.kind() == Citation.Kind.INCIDENT).toList();
    }

    private List<Map<String, Object>> rows(String incidentId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select status, action, decision, closed_at, body, model, cardinality(embedding) as dimensions "
                             + "from past_incident where incident_id = ?")) {
            select.setObject(1, UUID.fromString(incidentId));
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldCiteAPastOomIncidentOfTheServiceForANewOneAndNotACpuIncident() {
        String service = newService();
        Incident pastOom = oom(service);
        pastOom.became(IncidentStatus.RESOLVED);
        Incident pastCpu = cpu(service);
        pastCpu.became(IncidentStatus.RESOLVED);

        Diagnosis diagnosis = oom(service).first;

        List<Citation> cited = incidentCitations(diagnosis);
        assertThat(cited).extracting(Citation::ref).contains(pastOom.id).doesNotContain(pastCpu.id);
        // Other tests' OOM incidents (on other generated services) may be as close: find ours among the cited.
        Citation citation = cited.stream().filter(c -> c.ref().equals(pastOom.id)).findFirst().orElseThrow();
        assertThat(citation.title()).isEqualTo(service + ": " + pastOom.first.rootCause());
        assertThat(citation.detail()).startsWith("RESTART: resolved, decided automatically, ").endsWith(" UTC");
        assertThat(diagnosis.evidence()).anySatisfy(line -> assertThat(line)
                .matches("similar incident " + pastOom.id.substring(0, 8) + " on " + service
                        + " \\(similarity 0\\.\\d\\d\\): fixed by RESTART, decided automatically"));
        assertThat(diagnosis.evidence().get(diagnosis.evidence().size() - 1)).startsWith("similar incident ");
        assertThat(diagnosis.citations()).extracting(Citation::kind).containsSubsequence(Citation.Kind.FACT,
                Citation.Kind.RUNBOOK, Citation.Kind.INCIDENT);
        // The figures behind it, whatever the minimum: the OOM incident close, the CPU one far.
        List<SimilarIncident> all = store.mostSimilar(SectionEmbedder.unit(embedder.embed(IncidentText.of(service,
                        service, diagnosis.alertTypes(), diagnosis.rootCause(), diagnosis.action()))),
                embedder.modelId(), UUID.fromString(diagnosis.incidentId()), service, -1, 1000);
        double oomSimilarity = similarity(all, pastOom.id);
        double cpuSimilarity = similarity(all, pastCpu.id);
        System.out.printf("new OOM diagnosis vs past OOM %.3f, vs past CPU %.3f%n", oomSimilarity, cpuSimilarity);
        assertThat(oomSimilarity).isGreaterThanOrEqualTo(pastIncidents.config().minSimilarity());
        assertThat(cpuSimilarity).isLessThan(pastIncidents.config().minSimilarity());
    }

    private static double similarity(List<SimilarIncident> found, String incidentId) {
        return found.stream().filter(s -> s.incidentId().equals(incidentId)).findFirst().orElseThrow().similarity();
    }

    @Test
    void shouldNeverCiteTheIncidentItself() {
        String service = newService();
        Incident first = oom(service);
        first.became(IncidentStatus.RESOLVED);
        Incident twin = oom(service);
        twin.became(IncidentStatus.RESOLVED);
        Diagnosis d = first.first;

        assertThat(pastIncidents.similarTo(first.id, service, service, d.alertTypes(), d.rootCause(), d.action()))
                .extracting(SimilarIncident::incidentId).contains(twin.id).doesNotContain(first.id);
        given().get("/api/incidents/{id}/similar", first.id).then().statusCode(200)
                .body("incidentId", hasItem(twin.id))
                .body("incidentId", not(hasItem(first.id)))
                .body("similarity", everyItem(greaterThanOrEqualTo(
                        (float) pastIncidents.config().minSimilarity())))
                .body("find { it.incidentId == '%s' }.outcome".formatted(twin.id),
                        equalTo("fixed by RESTART, decided automatically"))
                .body("find { it.incidentId == '%s' }.status".formatted(twin.id), equalTo("RESOLVED"))
                .body("find { it.incidentId == '%s' }.service".formatted(twin.id), equalTo(service));
    }

    @Test
    void shouldNotEmbedTheSameLookUpAgain() {
        String service = newService();
        Incident past = oom(service);
        past.became(IncidentStatus.RESOLVED);
        Diagnosis d = oom(service).first;
        String query = IncidentText.of(service, service, d.alertTypes(), d.rootCause(), d.action());
        assertThat(embedder.calls(query)).as("the diagnosis looked its similar incidents up").isEqualTo(1);

        List<SimilarIncident> first = pastIncidents.similarTo(d.incidentId(), service, service, d.alertTypes(),
                d.rootCause(), d.action());
        List<SimilarIncident> second = pastIncidents.similarTo(d.incidentId(), service, service, d.alertTypes(),
                d.rootCause(), d.action());

        assertThat(embedder.calls(query)).as("model runs for the same text").isEqualTo(1);
        // Which past incidents rank first is not this test's subject: other tests' OOM incidents differ only in
        // their random service name and may round to a higher similarity (seen on CI). That one is found is.
        assertThat(first).isNotEmpty();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldKeepOneRowPerIncidentWhenItClosesAgain() {
        Incident incident = oom(newService());

        incident.became(IncidentStatus.REJECTED);
        List<Map<String, Object>> rejected = rows(incident.id);
        incident.became(IncidentStatus.REJECTED);
        List<Map<String, Object>> redelivered = rows(incident.id);
        incident.became(IncidentStatus.RESOLVED);
        List<Map<String, Object>> resolved = rows(incident.id);

        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0)).containsEntry("status", "REJECTED").containsEntry("dimensions", 384);
        assertThat((String) rejected.get(0).get("body")).endsWith("Outcome: RESTART rejected by humans.");
        assertThat(redelivered).hasSize(1);
        assertThat(redelivered.get(0).get("closed_at")).as("the close time of a redelivery")
                .isEqualTo(rejected.get(0).get("closed_at"));
        assertThat(resolved).hasSize(1);
        assertThat(resolved.get(0)).containsEntry("status", "RESOLVED").containsEntry("action", "RESTART");
        assertThat((String) resolved.get(0).get("body")).startsWith("Service ")
                .contains("Root cause: the service was killed by the out-of-memory killer")
                .endsWith("Outcome: fixed by RESTART, decided automatically.");
        assertThat(((Timestamp) resolved.get(0).get("closed_at")).toInstant()).as("closed again, otherwise")
                .isAfter(((Timestamp) rejected.get(0).get("closed_at")).toInstant());
    }

    @Test
    void shouldNotKeepAnIncidentThatClosedWithoutADiagnosis() {
        Incident undiagnosed = new Incident(newService());
        undiagnosed.alerts.add(Fixtures.alertOf(undiagnosed.service, AlertType.CRASH, "crashed", Map.of()));

        undiagnosed.became(IncidentStatus.RESOLVED);

        assertThat(rows(undiagnosed.id)).isEmpty();
        given().get("/api/incidents/{id}/similar", undiagnosed.id).then().statusCode(200).body("$", empty());
    }

    @Test
    void shouldAnswer404ForAnUnknownIncidentAnd400ForABadIdOrK() {
        UUID unknown = UUID.randomUUID();
        given().get("/api/incidents/{id}/similar", unknown).then().statusCode(404).contentType(ContentType.JSON)
                .body("message", equalTo("incident " + unknown + " is unknown to diagnosis-service"));
        given().get("/api/incidents/{id}/similar", "incident-7").then().statusCode(400).contentType(ContentType.JSON)
                .body("violations[0].field", equalTo("id"));
        for (String k : List.of("0", "11", "two")) {
            given().queryParam("k", k).get("/api/incidents/{id}/similar", unknown).then().statusCode(400)
                    .contentType(ContentType.JSON).body("violations[0].field", equalTo("k"));
        }
    }
}
