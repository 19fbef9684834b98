package io.aegisops.monitor.service;

import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.inbox.InboxRetention;
import io.aegisops.testsupport.AegisInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What the retention jobs delete, against the real database: the processed-event marks past the inbox retention,
 * and the bulk of the alerts of incidents long closed, never an open incident's alerts, the alert an investigation
 * cites, or the incident itself.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "monitor"))
@TestSecurity(user = "alice", roles = {Roles.REPORTER, Roles.VIEWER, Roles.OPERATOR})
class RetentionTest {

    @Inject
    InboxRetention inbox;
    @Inject
    AlertRetention alerts;
    @Inject
    EntityManager entityManager;

    private static String target() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String alert(String target, int n) {
        return """
                {"type":"LATENCY","service":"%s","summary":"p95 at %d ms"}""".formatted(target, 2000 + n);
    }

    private static String raise(String target, int count) {
        String incident = null;
        for (int i = 0; i < count; i++) {
            incident = given().contentType(ContentType.JSON).body(alert(target, i)).post("/api/alerts")
                    .then().statusCode(202).extract().path("incidentId");
        }
        return incident;
    }

    private long count(String sql, Object id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter("id", id).getSingleResult()).longValue());
    }

    private long alertsOf(String incident) {
        return count("select count(*) from alert where incident_id = :id", UUID.fromString(incident));
    }

    private void markProcessed(String eventId, OffsetDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "insert into processed_event (consumer, event_id, processed_at) values ('retention-test', :id, :at)")
                .setParameter("id", eventId).setParameter("at", at).executeUpdate());
    }

    @Test
    void shouldForgetProcessedEventsOnlyPastTheRetention() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        markProcessed(old, now.minusDays(15));
        markProcessed(recent, now.minusDays(8));

        assertThat(inbox.purge(now)).isPositive();

        assertThat(count("select count(*) from processed_event where event_id = :id", old)).isZero();
        // Eight days: past Kafka's seven-day window, still inside the fourteen-day retention.
        assertThat(count("select count(*) from processed_event where event_id = :id", recent)).isEqualTo(1);
    }

    @Test
    void shouldDeleteTheBulkOfTheAlertsOfAnIncidentLongClosedAndNothingOfAnOpenOne() {
        String closed = raise(target(), 5);
        given().contentType(ContentType.JSON).body(Map.of("reason", "fixed by hand"))
                .post("/api/incidents/{id}/resolve", closed).then().statusCode(200);
        String open = raise(target(), 3);

        alerts.purge(OffsetDateTime.now(ZoneOffset.UTC).plusDays(29));
        assertThat(alertsOf(closed)).as("closed 29 days before the purge: kept").isEqualTo(5);

        assertThat(alerts.purge(OffsetDateTime.now(ZoneOffset.UTC).plusDays(31))).isGreaterThanOrEqualTo(4);

        assertThat(alertsOf(closed)).as("the alert its investigation cites stays").isEqualTo(1);
        assertThat(alertsOf(open)).isEqualTo(3);
        given().get("/api/incidents/{id}", closed).then().statusCode(200)
                .body("incident.status", equalTo("RESOLVED"))
                .body("incident.alertCount", equalTo(5));
    }
}
