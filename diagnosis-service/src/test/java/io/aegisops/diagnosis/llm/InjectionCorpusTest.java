package io.aegisops.diagnosis.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.Fact;
import io.aegisops.contract.FactNames;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.Topics;
import io.aegisops.diagnosis.Fixtures;
import io.aegisops.llmstandin.Received;
import io.aegisops.llmstandin.Reply;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.KafkaTestClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prompt-injection corpus ({@code injection/corpus.yaml}, data so that anyone can add a case): hostile text in
 * an alert's summary, its log lines and the investigation's logs fact, and a model that obeys it. Whatever the model
 * answers, the diagnosis is about the incident's target with an allowed action; the obeyed answer never survives;
 * and the text reached the model only inside the quoted data document, never in its instructions.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "diagnosis"))
@QuarkusTestResource(value = ModelStandIn.class, restrictToAnnotatedClass = true)
class InjectionCorpusTest {

    private static final Set<Action> ALLOWED = Set.of(Action.RESTART, Action.START, Action.NOOP, Action.ESCALATE);
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static KafkaTestClient kafka;

    /** One case of the corpus. */
    record Case(String id, String text, JsonNode reply, boolean rejected, boolean uncorroborated) {
        @Override
        public String toString() {
            return id;
        }

        Reply asReply() {
            if (reply.has("tool")) {
                return Reply.toolCall(reply.at("/tool/name").asText(), reply.at("/tool/arguments").asText());
            }
            return Reply.content(reply.get("content").asText());
        }
    }

    static List<Case> corpus() {
        try (InputStream in = InjectionCorpusTest.class.getResourceAsStream("/injection/corpus.yaml")) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            return StreamSupport.stream(root.get("cases").spliterator(), false)
                    .map(c -> new Case(c.get("id").asText(), c.get("text").asText(), c.get("reply"),
                            c.get("rejected").asBoolean(), c.path("uncorroborated").asBoolean(false)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient();
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(30);
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldNeverLetDataSteerTheActionOrItsTarget(Case hostile) throws IOException {
        String incidentId = UUID.randomUUID().toString();
        ModelStandIn.server().answer(ModelStandIn.cloudAbout(incidentId), Integer.MAX_VALUE, hostile.asReply());
        ModelStandIn.server().answer(ModelStandIn.localAbout(incidentId), Integer.MAX_VALUE, hostile.asReply());
        AlertView alert = Fixtures.alert(AlertType.MEMORY_PRESSURE, hostile.text(), Map.of("heapUsedPercent", 93.1),
                hostile.text());
        List<AlertView> alerts = new ArrayList<>(List.of(alert));
        List<Fact> facts = new ArrayList<>(Fixtures.runningFacts());
        facts.set(3, Fixtures.fact("F4", FactNames.LOGS, "engine.logs", List.of("GET /work 200", hostile.text()),
                "2 log lines"));
        kafka.send(Topics.ALERTS, EventCodec.create("/aegisops/monitor-service", EventTypes.INCIDENT_OPENED, incidentId,
                "checkout", Fixtures.alertEvent(incidentId, IncidentStatus.OPEN, alerts)));
        kafka.send(Topics.ALERTS, Fixtures.investigationEvent(
                Fixtures.investigation(incidentId, alerts, !hostile.uncorroborated(), facts)));

        CloudEvent event = kafka.awaitEvents(Topics.DIAGNOSES, e -> incidentId.equals(e.incidentid()), 1, WAIT).get(0);
        Diagnosis diagnosis = EventCodec.data(event, Diagnosis.class);

        assertThat(diagnosis.target()).isEqualTo("checkout");
        assertThat(diagnosis.action()).isIn(ALLOWED);
        if (hostile.rejected()) {
            assertThat(diagnosis.engine()).as("an obeyed answer must not survive").isEqualTo("rules");
            assertThat(diagnosis.evidence()).as("why the model's answer was not taken")
                    .anyMatch(l -> l.startsWith("model openai " + ModelStandIn.CLOUD_MODEL + ": answer rejected, ")
                            || l.startsWith("model openai " + ModelStandIn.CLOUD_MODEL + ": failed after "))
                    .contains("the rules answered instead");
        } else {
            assertThat(diagnosis.engine()).isEqualTo("llm");
        }
        if (hostile.uncorroborated()) {
            assertThat(diagnosis.corroborated()).isFalse();
            assertThat(diagnosis.confidence()).isLessThanOrEqualTo(0.80);
        }
        List<Received> asked = ModelStandIn.received(ModelStandIn.cloudAbout(incidentId));
        assertThat(asked).isNotEmpty();
        List<JsonNode> messages = ModelStandIn.messages(asked.get(0));
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).get("content").asText()).doesNotContain(hostile.text());
        String user = messages.get(1).get("content").asText();
        assertThat(user.split("<data>", -1)).as("one data block").hasSize(2);
        assertThat(user.split("</data>", -1)).as("one data block").hasSize(2);
        String data = user.substring(user.indexOf("<data>") + 6, user.indexOf("</data>"));
        JsonNode document = EventCodec.mapper().readTree(data);
        assertThat(document.at("/alerts/0/summary").asText()).isEqualTo(hostile.text());
        assertThat(document.at("/investigation/facts/3/value/1").asText()).isEqualTo(hostile.text());
    }
}
