package io.aegisops.diagnosis.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.Citation;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.Investigation;
import io.aegisops.contract.Topics;
import io.aegisops.diagnosis.Fixtures;
import io.aegisops.diagnosis.runbook.RunbookIndex;
import io.aegisops.llmstandin.Received;
import io.aegisops.llmstandin.Reply;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
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

import static io.aegisops.diagnosis.Fixtures.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The model diagnoser end to end: aegis.alerts in, aegis.diagnoses out, real PostgreSQL and Kafka, the models at
 * the HTTP edge (llm-standin as the OpenAI-compatible cloud model and as Ollama). Proves the fallback chain cloud →
 * local → rules, the checks on the answer, a tool call, that no transaction is open while a model answers, and
 * that an investigation is asked about once.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "diagnosis"))
@QuarkusTestResource(value = ModelStandIn.class, restrictToAnnotatedClass = true)
class ModelDiagnosisFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static KafkaTestClient kafka;

    private final DataSource dataSource;
    private final RunbookIndex runbookIndex;

    ModelDiagnosisFlowTest(DataSource dataSource, RunbookIndex runbookIndex) {
        this.dataSource = dataSource;
        this.runbookIndex = runbookIndex;
    }

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    /** One incident on checkout with a corroborated MEMORY_PRESSURE alert, as monitor-service announces it. */
    static final class Incident {
        final String id = UUID.randomUUID().toString();
        final List<AlertView> alerts = new ArrayList<>();
        String investigationId;

        void alerted(AlertView alert) {
            alerts.add(alert);
            String type = alerts.size() == 1 ? EventTypes.INCIDENT_OPENED : EventTypes.ALERT_JOINED;
            kafka.send(Topics.ALERTS, EventCodec.create("/aegisops/monitor-service", type, id, "checkout",
                    Fixtures.alertEvent(id, IncidentStatus.OPEN, alerts)));
        }

        void investigated() {
            investigatedAs(null);
        }

        /** Investigated, under another investigation's id when {@code reusedId} is not null. */
        void investigatedAs(String reusedId) {
            Investigation made = Fixtures.investigation(id, alerts, true, Fixtures.runningFacts());
            Investigation investigation = reusedId == null ? made : new Investigation(reusedId, made.incidentId(),
                    made.target(), made.container(), made.triggerAlertId(), made.facts(), made.claims(),
                    made.toolCalls(), made.startedAt(), made.completedAt());
            investigationId = investigation.id();
            kafka.send(Topics.ALERTS, Fixtures.investigationEvent(investigation));
        }

        void open() {
            alerted(memoryAlert());
            investigated();
        }
    }

    static AlertView memoryAlert() {
        return alert(AlertType.MEMORY_PRESSURE, "heap 93.1% used (238 of 256 MB), threshold 85%",
                Map.of("heapUsedPercent", 93.1), "Memory fault: retaining 16 MB more, 224 MB in total");
    }

    /** A well-formed answer as a model would write it. */
    static String answer(String target, String family, String action, double confidence, List<String> facts) {
        return EventCodec.mapper().createObjectNode()
                .put("target", target)
                .put("rootCause", "The heap grows without bound: a leak retains objects until the collector gives up.")
                .put("causeFamily", family)
                .put("action", action)
                .put("confidence", confidence)
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("factIds",
                        EventCodec.mapper().valueToTree(facts))
                .put("alertType", "MEMORY_PRESSURE")
                .put("justification", "F1 shows it running; a restart frees the heap.")
                .toString();
    }

    static String good(String family, String action) {
        return answer("checkout", family, action, 0.88, List.of("F1", "F5"));
    }

    private static Diagnosis diagnosed(Incident incident) {
        CloudEvent event = kafka.awaitEvents(Topics.DIAGNOSES, e -> incident.id.equals(e.incidentid()), 1, WAIT).get(0);
        return EventCodec.data(event, Diagnosis.class);
    }

    @Test
    void shouldDiagnoseWithTheCloudModelCitingItsFactsWhenItsAnswerHolds() {
        Incident incident = new Incident();
        ModelStandIn.answer(ModelStandIn.cloudAbout(incident.id), Reply.content(good("memory-leak", "RESTART")));

        incident.open();

        Diagnosis diagnosis = diagnosed(incident);
        assertThat(diagnosis.engine()).isEqualTo("llm");
        assertThat(diagnosis.ruleId()).isEqualTo("memory-leak");
        assertThat(diagnosis.action()).isEqualTo(Action.RESTART);
        assertThat(diagnosis.target()).isEqualTo("checkout");
        assertThat(diagnosis.corroborated()).isTrue();
        assertThat(diagnosis.baseConfidence()).isEqualTo(0.88);
        assertThat(diagnosis.rootCause()).startsWith("The heap grows without bound");
        assertThat(diagnosis.citations()).filteredOn(c -> c.kind() == Citation.Kind.FACT).extracting(Citation::ref)
                .contains("F1", "F5");
        assertThat(diagnosis.evidence()).anyMatch(l -> l.startsWith("model openai " + ModelStandIn.CLOUD_MODEL
                + ": answered in "));
        List<Received> asked = ModelStandIn.received(ModelStandIn.cloudAbout(incident.id));
        assertThat(asked).hasSize(1);
        assertThat(asked.get(0).authorization()).isEqualTo("Bearer " + ModelStandIn.KEY);
        assertThat(ModelStandIn.received(ModelStandIn.localAbout(incident.id))).isEmpty();
    }

    @Test
    void shouldAskTheLocalModelWhenTheCloudModelFails() {
        Incident incident = new Incident();
        ModelStandIn.answer(ModelStandIn.cloudAbout(incident.id), Reply.status(503, "{\"error\":{\"message\":\"overloaded\"}}"));
        ModelStandIn.answer(ModelStandIn.localAbout(incident.id), Reply.content(good("memory-leak", "RESTART")));

        incident.open();

        Diagnosis diagnosis = diagnosed(incident);
        assertThat(diagnosis.engine()).isEqualTo("llm");
        assertThat(diagnosis.evidence()).anyMatch(l -> l.startsWith("model openai " + ModelStandIn.CLOUD_MODEL
                + ": failed after "));
        assertThat(diagnosis.evidence()).anyMatch(l -> l.startsWith("model ollama " + ModelStandIn.LOCAL_MODEL
                + ": answered in "));
    }

    @Test
    void shouldAskTheLocalModelWhenTheCloudModelTimesOut() {
        Incident incident = new Incident();
        ModelStandIn.answer(ModelStandIn.cloudAbout(incident.id),
                Reply.delayed(Duration.ofSeconds(8), Reply.content(good("memory-leak", "RESTART"))));
        ModelStandIn.answer(ModelStandIn.localAbout(incident.id), Reply.content(good("memory-leak", "RESTART")));

        incident.open();

        Diagnosis diagnosis = diagnosed(incident);
        assertThat(diagnosis.engine()).isEqualTo("llm");
        assertThat(diagnosis.evidence()).anyMatch(l -> l.contains(ModelStandIn.CLOUD_MODEL + ": failed after ")
                && l.endsWith("timed out"));
    }

    @Test
    void shouldLetTheRulesAnswerWhenBothModelsFailOrAreRejected() {
        Incident incident = new Incident();
        ModelStandIn.answer(ModelStandIn.cloudAbout(incident.id), Reply.tooManyRequests(30));
        ModelStandIn.answer(ModelStandIn.localAbout(incident.id), Reply.content("{\"target\": \"checkout\", \"rootCause\": "));

        incident.open();

        Diagnosis diagnosis = diagnosed(incident);
        assertThat(diagnosis.engine()).isEqualTo("rules");
        assertThat(diagnosis.ruleId()).isEqualTo("memory-pressure");
        assertThat(diagnosis.evidence()).anyMatch(l -> l.contains(ModelStandIn.CLOUD_MODEL + ": failed after "))
                .anyMatch(l -> l.contains(ModelStandIn.LOCAL_MODEL + ": failed after "))
                .contains("the rules answered instead");
    }

    @Test
    void shouldRejectAnActionOutsideTheAllowlistAnotherTargetAndUnknownFacts() {
        Incident incident = new Incident();
        ModelStandIn.answer(ModelStandIn.cloudAbout(incident.id),
                Reply.content(answer("postgres", "memory-leak", "STOP", 0.99, List.of("F1"))));
        ModelStandIn.answer(ModelStandIn.localAbout(incident.id),
                Reply.content(answer("checkout", "memory-leak", "RESTART", 0.9, List.of("F1", "F42"))));

        incident.open();

        Diagnosis diagnosis = diagnosed(incident);
        assertThat(diagnosis.engine()).isEqualTo("rules");
        assertThat(diagnosis.target()).isEqualTo("checkout");
        assertThat(diagnosis.evidence())
                .anyMatch(l -> l.contains("answer rejected, it names target 'postgres', not the incident's checkout"))
                .anyMatch(l -> l.contains("answer rejected, it cites facts the investigation does not have: F42"));
    }

    @Test
    void shouldAnswerTheModelsRunbookSearchAndUseItsFinalAnswer() {
        // Runbooks are indexed off the start-up path; until then the tool says the index is not available.
        await().atMost(Duration.ofMinutes(2)).until(runbookIndex::ready);
        Incident incident = new Incident();
        ModelStandIn.answer(ModelStandIn.cloudAbout(incident.id).and(r -> !r.mentions("\"tool\"")),
                Reply.toolCall("searchRunbooks", "{\"query\":\"heap grows until the JVM runs out of memory\"}"));
        ModelStandIn.answer(ModelStandIn.cloudAbout(incident.id), Reply.content(good("memory-leak", "RESTART")));

        incident.open();

        Diagnosis diagnosis = diagnosed(incident);
        assertThat(diagnosis.engine()).isEqualTo("llm");
        List<Received> asked = ModelStandIn.received(ModelStandIn.cloudAbout(incident.id));
        assertThat(asked).hasSize(2);
        List<JsonNode> second = ModelStandIn.messages(asked.get(1));
        JsonNode toolResult = second.get(second.size() - 1);
        assertThat(toolResult.get("role").asText()).isEqualTo("tool");
        assertThat(toolResult.get("content").asText()).contains("memory-leak.md#");
    }

    @Test
    void shouldAnswerTheModelsSearchOfClosedIncidentsLeavingOutTheOneItDiagnoses() {
        await().atMost(Duration.ofMinutes(2)).until(runbookIndex::ready);
        Incident past = new Incident();
        ModelStandIn.answer(ModelStandIn.cloudAbout(past.id), Reply.content(good("memory-leak", "RESTART")));
        past.open();
        diagnosed(past);
        kafka.send(Topics.ALERTS, EventCodec.create("/aegisops/monitor-service", EventTypes.INCIDENT_STATUS_CHANGED,
                past.id, "checkout", Fixtures.incident(past.id, IncidentStatus.RESOLVED, past.alerts)));
        Incident incident = new Incident();
        String symptom = "Service checkout. Alert types: memory pressure. Root cause: The heap grows without bound:"
                + " a leak retains objects until the collector gives up. Action: RESTART.";
        ModelStandIn.answer(ModelStandIn.cloudAbout(incident.id).and(r -> !r.mentions("\"tool\"")),
                Reply.toolCall("similarIncidents", EventCodec.mapper().createObjectNode().put("symptom", symptom)
                        .put("incidentId", incident.id).toString()));
        ModelStandIn.answer(ModelStandIn.cloudAbout(incident.id), Reply.content(good("memory-leak", "RESTART")));

        // The past incident is stored once its status is applied; the next event on the partition comes after it.
        incident.open();

        assertThat(diagnosed(incident).engine()).isEqualTo("llm");
        List<JsonNode> second = ModelStandIn.messages(ModelStandIn.received(ModelStandIn.cloudAbout(incident.id)).get(1));
        String result = second.get(second.size() - 1).get("content").asText();
        assertThat(result).contains("similar incident " + past.id.substring(0, 8) + " on checkout")
                .doesNotContain(incident.id.substring(0, 8));
    }

    @Test
    void shouldHoldNoTransactionWhileAModelAnswers() {
        Incident incident = new Incident();
        ModelStandIn.answer(ModelStandIn.cloudAbout(incident.id),
                Reply.delayed(Duration.ofMillis(2500), Reply.content(good("memory-leak", "RESTART"))));

        incident.open();

        await().atMost(WAIT).until(() -> !ModelStandIn.received(ModelStandIn.cloudAbout(incident.id)).isEmpty());
        // The model is thinking for 2.5 s: a transaction held across the call would sit idle for over a second now.
        await().pollDelay(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(transactionsIdleForASecond()).isZero();
        assertThat(diagnosed(incident).engine()).isEqualTo("llm");
    }

    @Test
    void shouldAskAboutEachInvestigationOnceWhateverJoinsAfterwards() {
        Incident incident = new Incident();
        ModelStandIn.answer(ModelStandIn.cloudAbout(incident.id), Reply.content(good("memory-leak", "RESTART")));
        incident.open();
        Diagnosis first = diagnosed(incident);

        incident.alerted(memoryAlert());
        incident.alerted(memoryAlert());
        // A later event of the same incident shows the joined alerts were handled (one partition, in order).
        ModelStandIn.answer(ModelStandIn.cloudAbout(incident.id), Reply.content(good("memory-leak", "ESCALATE")));
        incident.investigated();

        CloudEvent second = kafka.awaitEvents(Topics.DIAGNOSES, e -> incident.id.equals(e.incidentid()), 2, WAIT).get(1);
        Diagnosis revised = EventCodec.data(second, Diagnosis.class);
        assertThat(first.revision()).isEqualTo(1);
        assertThat(revised.revision()).isEqualTo(2);
        assertThat(revised.action()).isEqualTo(Action.ESCALATE);
        assertThat(ModelStandIn.received(ModelStandIn.cloudAbout(incident.id))).hasSize(2);
    }

    @Test
    void shouldNeverTakeTheAdviceAboutAnotherIncidentsInvestigationThatBearsTheSameId() {
        Incident first = new Incident();
        ModelStandIn.answer(ModelStandIn.cloudAbout(first.id), Reply.content(good("memory-leak", "RESTART")));
        first.open();
        assertThat(diagnosed(first).action()).isEqualTo(Action.RESTART);
        Incident second = new Incident();
        ModelStandIn.answer(ModelStandIn.cloudAbout(second.id), Reply.content(good("memory-leak", "ESCALATE")));

        second.alerted(memoryAlert());
        second.investigatedAs(first.investigationId);

        Diagnosis diagnosis = diagnosed(second);
        assertThat(ModelStandIn.received(ModelStandIn.cloudAbout(second.id))).as("the models asked about it")
                .hasSize(1);
        assertThat(diagnosis.engine()).isEqualTo("llm");
        assertThat(diagnosis.action()).as("its own answer, not the first incident's").isEqualTo(Action.ESCALATE);
        assertThat(diagnosis.investigationId()).isEqualTo(first.investigationId);
    }

    /** Sessions of the test database that have held a transaction open, doing nothing, for over a second. */
    private long transactionsIdleForASecond() {
        String sql = "select count(*) from pg_stat_activity where datname = current_database()"
                + " and pid <> pg_backend_pid() and state like 'idle in transaction%'"
                + " and xact_start < now() - interval '1 second'";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
