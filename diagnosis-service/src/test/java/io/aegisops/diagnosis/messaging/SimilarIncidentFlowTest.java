package io.aegisops.diagnosis.messaging;

import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.Citation;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.Topics;
import io.aegisops.diagnosis.Fixtures;
import io.aegisops.diagnosis.similar.PastIncidents;
import io.aegisops.kit.auth.Roles;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.aegisops.testsupport.SignedEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Past incidents through the real broker: a RESOLVED status event on aegis.alerts keeps the incident, a decision on
 * aegis.approvals that arrives after it (another topic, so no order between them) rewrites its outcome, and the next
 * diagnosis of the same kind on the same service cites it.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "diagnosis"))
@TestSecurity(user = "vera", roles = Roles.VIEWER)
class SimilarIncidentFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static KafkaTestClient kafka;

    private final DataSource dataSource;
    private final PastIncidents pastIncidents;

    SimilarIncidentFlowTest(DataSource dataSource, PastIncidents pastIncidents) {
        this.dataSource = dataSource;
        this.pastIncidents = pastIncidents;
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

    /** Opens an OOM incident of {@code service}, investigated and corroborated, and returns its first diagnosis. */
    private static Diagnosis oomIncident(String service, String incidentId) {
        AlertView alert = Fixtures.alertOf(service, AlertType.OOM_KILLED, service + " was OOM-killed",
                Map.of("exitCode", 137));
        kafka.send(Topics.ALERTS, EventCodec.create("/aegisops/monitor-service", EventTypes.INCIDENT_OPENED, incidentId,
                service, new AlertEvent(Fixtures.incidentOf(service, incidentId, IncidentStatus.OPEN, List.of(alert)),
                        alert)));
        kafka.send(Topics.ALERTS, Fixtures.investigationEvent(
                Fixtures.investigation(incidentId, List.of(alert), true, Fixtures.runningFacts())));
        Diagnosis diagnosis = kafka.awaitEvents(Topics.DIAGNOSES, e -> incidentId.equals(e.incidentid()), 1, WAIT)
                .stream().map(e -> EventCodec.data(e, Diagnosis.class)).findFirst().orElseThrow();
        kafka.send(Topics.ALERTS, EventCodec.create("/aegisops/monitor-service", EventTypes.INCIDENT_STATUS_CHANGED,
                incidentId, service, Fixtures.incidentOf(service, incidentId, IncidentStatus.AWAITING_APPROVAL,
                        List.of(alert))));
        return diagnosis;
    }

    private static void resolved(Diagnosis diagnosis) {
        kafka.send(Topics.ALERTS, EventCodec.create("/aegisops/monitor-service", EventTypes.INCIDENT_STATUS_CHANGED,
                diagnosis.incidentId(), diagnosis.target(), Fixtures.incidentOf(diagnosis.target(),
                        diagnosis.incidentId(), IncidentStatus.RESOLVED, List.of(Fixtures.alertOf(diagnosis.target(),
                                AlertType.OOM_KILLED, "OOM", Map.of("exitCode", 137))))));
    }

    /** What remediation-service and approval-service publish when alice approves the diagnosis. */
    private static void approvedByAlice(Diagnosis diagnosis) {
        String requestId = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        kafka.send(Topics.APPROVALS, EventCodec.create("/aegisops/remediation-service", EventTypes.APPROVAL_REQUESTED,
                diagnosis.incidentId(), diagnosis.target(), new ApprovalRequest(requestId, diagnosis.incidentId(),
                        UUID.randomUUID().toString(), diagnosis.id(), diagnosis.target(), diagnosis.container(),
                        diagnosis.action(), diagnosis.confidence(), diagnosis.rootCause(), diagnosis.evidence(),
                        "policy manual", now, diagnosis.citations())));
        kafka.send(Topics.APPROVALS, SignedEvents.sign(EventCodec.create("/aegisops/approval-service",
                EventTypes.APPROVAL_DECIDED, diagnosis.incidentId(), diagnosis.target(), new ApprovalDecision(requestId,
                        diagnosis.incidentId(), ApprovalDecision.Kind.APPROVE, null, "alice", null, null, now))));
    }

    /** The stored outcome of a past incident: status and decision, or null while it is not kept. */
    private String outcome(String incidentId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select status || '/' || coalesce(decision, '-') "
                     + "from past_incident where incident_id = ? and embedding is not null")) {
            select.setObject(1, UUID.fromString(incidentId));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldKeepAResolvedIncidentAndCiteItInTheNextDiagnosisOfItsKind() {
        await().atMost(Duration.ofMinutes(2)).until(pastIncidents::ready);
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        Diagnosis past = oomIncident(service, UUID.randomUUID().toString());

        resolved(past);
        await().atMost(WAIT).until(() -> "RESOLVED/-".equals(outcome(past.incidentId())));
        approvedByAlice(past);
        await().atMost(WAIT).until(() -> "RESOLVED/APPROVE".equals(outcome(past.incidentId())));
        Diagnosis next = oomIncident(service, UUID.randomUUID().toString());

        assertThat(next.citations()).filteredOn(c -> c.kind() == Citation.Kind.INCIDENT)
                .extracting(Citation::ref).startsWith(past.incidentId());
        Citation cited = next.citations().stream().filter(c -> c.ref().equals(past.incidentId())).findFirst()
                .orElseThrow();
        assertThat(cited.title()).isEqualTo(service + ": " + past.rootCause());
        assertThat(cited.detail()).startsWith("RESTART: resolved, approved by alice, ");
        assertThat(next.evidence()).anySatisfy(line -> assertThat(line).startsWith("similar incident "
                + past.incidentId().substring(0, 8) + " on " + service + " (similarity ")
                .endsWith("): fixed by RESTART, approved by alice"));
        given().get("/api/diagnoses/{id}", next.id()).then().statusCode(200)
                .body("citations.find { it.kind == 'INCIDENT' }.ref", equalTo(past.incidentId()));
        given().get("/api/incidents/{id}/similar", next.incidentId()).then().statusCode(200)
                .body("[0].incidentId", equalTo(past.incidentId()))
                .body("[0].decision", equalTo("APPROVE"))
                .body("[0].decidedBy", equalTo("alice"));
    }
}
