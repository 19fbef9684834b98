package io.aegisops.e2e;

import com.github.dockerjava.api.command.CreateContainerResponse;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.aegisops.e2e.Stack.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The self-heal on the running stack: faults that are safe to fix are fixed with no human and exactly one
 * restart, a risky fix waits for a decision, a crash loop is cut off by the budget, and a container that did
 * not opt in is never touched. The target is a buggy-app instance of this class (policy auto, a budget large
 * enough for every case) so the Compose buggy-app's own budget is not spent by the tests.
 */
class HealingIT {

    private static final Duration HEAL = Duration.ofSeconds(120);

    /**
     * DetectionIT's self-watch thresholds: the CPU fault is reported within about 3 s, before the slowed /work probe
     * can report LATENCY first (a LATENCY incident asks a human). A timed-out heal prints where the incident stopped.
     */
    @RegisterExtension
    static final OwnBuggyApp TARGET = OwnBuggyApp.labelled("e2e-heal",
            Map.of("aegis.policy", "auto", "aegis.restart-budget", "50/15m"),
            Map.of("BUGGY_WATCH_CPU_THRESHOLD_PERCENT", "40", "BUGGY_WATCH_CPU_CONSECUTIVE_SAMPLES", "3"));

    private final List<String> throwAway = new ArrayList<>();
    private BuggyInstance app;
    private Instant since;
    private StartLog starts;

    @BeforeEach
    void startFromAHealthyApp() {
        app = TARGET.app();
        since = TARGET.since();
        starts = StartLog.since(since);
    }

    @AfterEach
    void cleanUp() {
        starts.close();
        throwAway.forEach(id -> Stack.docker().removeContainerCmd(id).withForce(true).exec());
    }

    @Test
    void shouldHealTheMemoryFaultWithOneRestartAndNoHuman() {
        at(app.url()).post("/faults/memory?mb=220").then().statusCode(200);

        assertHealedByExactlyOneRestart("MEMORY_PRESSURE");
    }

    @Test
    void shouldHealTheCpuFaultWithOneRestartAndNoHuman() {
        at(app.url()).post("/faults/cpu?threads=2").then().statusCode(200);

        assertHealedByExactlyOneRestart("CPU_SATURATION");
    }

    @Test
    void shouldHealACrashWithOneStartAndNoHuman() {
        at(app.url()).post("/faults/crash?code=137").then().statusCode(202);

        assertHealedByExactlyOneRestart("OOM_KILLED");
    }

    /**
     * The alert says the app crashed, the engine says it has been running all along: AegisOps believes the engine,
     * shows why, and leaves the decision to a human instead of restarting a healthy container.
     */
    @Test
    @SuppressWarnings("unchecked")
    void shouldNotRestartARunningAppOnAForgedCrashAlertButAskAHuman() {
        // A start within monitor's restart tolerance (5 s) before a crash alert counts as the crash it reports; a
        // previous case may just have restarted the app, so the forgery comes only once the app has run longer.
        await("the app running for over 6 s").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> Duration.between(Instant.parse(app.startedAt()), Instant.now()).toSeconds() > 6);
        String startedAt = app.startedAt();
        at(Stack.MONITOR).body(Map.of("type", "CRASH", "service", app.name, "container", app.name,
                        "summary", "forged: the process died", "metrics", Map.of("exitCode", 137)))
                .post("/api/alerts").then().statusCode(202);

        Map<String, Object> incident = awaitIncident(app.name, "AWAITING_APPROVAL");
        String incidentId = (String) incident.get("id");
        Map<String, Object> diagnosis = at(Stack.DIAGNOSIS).queryParam("incidentId", incidentId)
                .get("/api/diagnoses").then().statusCode(200).extract().jsonPath().getMap("[0]");
        Map<String, Object> investigation = at(Stack.MONITOR).get("/api/incidents/{id}/investigations", incidentId)
                .then().statusCode(200).extract().jsonPath().getMap("[0].report");

        assertThat(diagnosis).containsEntry("corroborated", false).containsEntry("investigationId", investigation.get("id"));
        // JSON numbers come back as floats: 0.80 reads 0.800000011920929.
        assertThat(((Number) diagnosis.get("confidence")).doubleValue()).isCloseTo(0.80, within(1e-6));
        assertThat((List<?>) diagnosis.get("evidence")).first().asString()
                .startsWith("corroboration: the CRASH claim is NOT corroborated");
        assertThat((List<?>) diagnosis.get("citations")).isNotEmpty();
        List<Map<String, Object>> claims = (List<Map<String, Object>>) investigation.get("claims");
        assertThat(claims).singleElement().satisfies(claim -> assertThat(claim)
                .containsEntry("alertType", "CRASH").containsEntry("corroborated", false));
        List<Map<String, Object>> facts = (List<Map<String, Object>>) investigation.get("facts");
        assertThat(facts).anySatisfy(fact -> assertThat(fact).containsEntry("name", "state")
                .containsEntry("value", "running"));
        Map<String, Object> remediation = Remediations.ofIncident(incidentId).get(0);
        assertThat((String) remediation.get("state")).isEqualTo("AWAITING_APPROVAL");
        assertThat(app.startedAt()).as("untouched").isEqualTo(startedAt);
        assertThat(starts.of(app.id)).isZero();
    }

    /**
     * The risky fix waits for a person. A decision someone else put on the bus (any process that reaches Kafka can
     * publish one) is refused and recorded, and only the approver's decision through approval-service acts.
     */
    @Test
    void shouldWaitForAHumanOnTheLatencyFaultRefuseAForgedDecisionAndActOnTheApproval() {
        String startedAt = app.startedAt();
        at(app.url()).post("/faults/latency?ms=3000").then().statusCode(200);

        Map<String, Object> incident = awaitIncident(app.name, "AWAITING_APPROVAL");
        String incidentId = (String) incident.get("id");
        Map<String, Object> remediation = Remediations.ofIncident(incidentId).get(0);
        String requestId = (String) remediation.get("approvalRequestId");
        assertThat(app.startedAt()).as("untouched while waiting").isEqualTo(startedAt);

        String forgedId = publishForgedApproval(requestId, incidentId);
        await("the forged decision refused").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> at(Stack.REMEDIATION).queryParam("incidentId", incidentId).get("/api/refused-decisions")
                        .then().statusCode(200).extract().jsonPath().getList("eventId").contains(forgedId));
        await("the refusal on the incident's timeline").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> at(Stack.MONITOR).get("/api/incidents/{id}", incidentId).then().extract().jsonPath()
                        .<String>getList("timeline.reason").stream()
                        .anyMatch(r -> r.startsWith("refused a decision (APPROVE) naming e2e-forger")));
        assertThat(Remediations.ofIncident(incidentId).get(0)).containsEntry("state", "AWAITING_APPROVAL");
        assertThat(app.startedAt()).as("untouched by the forged decision").isEqualTo(startedAt);

        Stack.Credentials approver = Stack.person("e2e-heal-approver", "approver");
        Stack.as(approver, Stack.APPROVAL).body(Map.of("decision", "APPROVE", "reason", "approved by the e2e test"))
                .post("/api/approvals/{id}/decision", requestId).then().statusCode(200);

        awaitStatus(incidentId, "RESOLVED");
        assertThat(app.startedAt()).isNotEqualTo(startedAt);
        assertThat(starts.of(app.id)).isEqualTo(1);
    }

    @Test
    void shouldStopRestartingACrashLoopAtItsBudgetAndEscalate() {
        BuggyInstance loop = BuggyInstance.start("e2e-crashloop",
                Map.of("aegis.policy", "auto", "aegis.restart-budget", "2/15m"), Map.of("AEGIS_CRASH_ON_START", "3"));
        throwAway.add(loop.id);

        awaitIncident(loop.name, "ESCALATED");
        int startsAtEscalation = starts.of(loop.id);
        // A bounded look for any further start: AegisOps must have stopped for good.
        await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true);

        assertThat(starts.of(loop.id)).as("starts after escalation").isEqualTo(startsAtEscalation);
        assertThat(startsAtEscalation - 1).as("restarts by AegisOps").isBetween(1, 2);
        assertThat(loop.running()).isFalse();
    }

    /**
     * Only this stack's containers are touched: not one that did not opt in, not one of another AegisOps stack (as a
     * user's ./aegisops up labels its own). A user's stack, if one runs, leaves the suite's containers alone the same
     * way, so ./aegisops test and ./aegisops up do not act on each other's containers. (An opted-in container naming
     * no stack is left alone by the suite's claimed-only stack too, StackScopeTest; it is not crashed here because a
     * user's stack beside the suite would rightly heal it.)
     */
    @Test
    void shouldNeverTouchACrashedContainerThatIsNotThisStacks() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> strangers = new java.util.LinkedHashMap<>();
        strangers.put("e2e-unlabelled-" + suffix, crasher("e2e-unlabelled-" + suffix, Map.of()));
        strangers.put("e2e-other-stack-" + suffix, crasher("e2e-other-stack-" + suffix, Map.of("aegis.enable", "true",
                "aegis.stack", Stack.ANOTHER_STACK, "aegis.service", "e2e-other-stack-" + suffix,
                "aegis.restart-budget", "5/15m")));
        String control = "e2e-control-" + suffix;
        String controlId = crasher(control, Map.of("aegis.enable", "true", "aegis.stack", Stack.PROJECT,
                "aegis.service", control, "aegis.restart-budget", "5/15m"));

        // The control crashes the same way at the same time: once it has been restarted, the others would have been.
        await("control restarted").atMost(HEAL).pollInterval(Duration.ofMillis(500))
                .until(() -> starts.of(controlId) >= 2);

        strangers.forEach((name, id) -> {
            assertThat(starts.of(id)).as("starts of %s", name).isEqualTo(1);
            assertThat(Stack.docker().inspectContainerCmd(id).exec().getState().getRunning()).as(name).isFalse();
            assertThat(Incidents.openedSince(name, since)).as("incidents of %s", name).isEmpty();
        });
        assertThat(at(Stack.REMEDIATION).get("/api/containers").then().statusCode(200).extract().jsonPath()
                .getList("name", String.class)).as("containers remediation-service looks after").contains(control)
                .doesNotContainAnyElementsOf(strangers.keySet());
        Incidents.resolveOpen(control);
    }

    /** A container that exits 3 on its first run only, so a restart cures it. */
    private String crasher(String name, Map<String, String> labels) {
        Map<String, String> allLabels = new HashMap<>(labels);
        allLabels.put("aegis.test", "true");
        CreateContainerResponse created = Stack.docker().createContainerCmd(Stack.TEST_IMAGE)
                .withName(name)
                .withLabels(allLabels)
                .withCmd("sh", "-c", "if [ -f /ran ]; then sleep 3600; else touch /ran; echo failing; sleep 2; exit 3; fi")
                .exec();
        throwAway.add(created.getId());
        Stack.docker().startContainerCmd(created.getId()).exec();
        return created.getId();
    }

    private void assertHealedByExactlyOneRestart(String alertType) {
        String startedAt = app.startedAt();
        Map<String, Object> incident = awaitIncident(app.name, "RESOLVED");

        assertThat(Incidents.alertTypes(incident)).contains(alertType);
        List<Map<String, Object>> remediations = Remediations.ofIncident((String) incident.get("id"));
        assertThat(remediations).hasSize(1);
        assertThat(remediations.get(0)).containsEntry("action", "RESTART").containsEntry("state", "RESOLVED");
        assertThat(Remediations.stages(remediations.get(0))).containsSubsequence("ACTING", "VERIFYING", "RESOLVED");
        assertThat(starts.of(app.id)).as("engine start events since the fault").isEqualTo(1);
        assertThat(app.startedAt()).isNotEqualTo(startedAt).isEqualTo(remediations.get(0).get("startedAtAfter"));
        List<Map<String, Object>> timeline = at(Stack.MONITOR).get("/api/incidents/{id}", incident.get("id")).then()
                .extract().jsonPath().getList("timeline");
        assertThat(timeline).extracting(step -> (String) step.get("to"))
                .containsSubsequence("OPEN", "REMEDIATING", "VERIFYING", "RESOLVED")
                .doesNotContain("AWAITING_APPROVAL");
        // The diagnosis is on the timeline: as the OPEN → DIAGNOSED step, or as a note when monitor learnt of it
        // only after remediation-service had acted on it (the two travel on different topics, so monitor may read
        // the remediation's ACTING first; the timeline then reads OPEN, REMEDIATING, REMEDIATING (the diagnosis'
        // note), VERIFYING, RESOLVED).
        assertThat(timeline).as("the diagnosis on the timeline").anySatisfy(step -> assertThat(
                (String) step.get("reason")).contains("→ RESTART (confidence").contains("revision 1"));
        // The restarted app must come back quiet: no new incident from its own start-up (JIT warm-up latency,
        // health checks that failed during the restart).
        await("the restarted app to settle").pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11))
                .until(() -> true);
        assertThat(Incidents.openedSince(app.name, since)).as("incidents since the fault").hasSize(1);
    }

    private Map<String, Object> awaitIncident(String target, String status) {
        try {
            await(target + " incident " + status).atMost(HEAL).pollInterval(Duration.ofMillis(500))
                    .until(() -> Incidents.openedSince(target, since).stream()
                            .anyMatch(i -> status.equals(i.get("status"))));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + Incidents.explain(target, since), e);
        }
        return Incidents.openedSince(target, since).stream().filter(i -> status.equals(i.get("status")))
                .findFirst().orElseThrow();
    }

    private static void awaitStatus(String incidentId, String status) {
        await(incidentId + " " + status).atMost(HEAL).pollInterval(Duration.ofMillis(500))
                .until(() -> status.equals(at(Stack.MONITOR).get("/api/incidents/{id}", incidentId)
                        .then().extract().path("incident.status")));
    }

    /**
     * An APPROVE decision as any process on the Kafka network can publish it: claiming approval-service as its source,
     * but without approval-service's signature.
     *
     * @return the event's id
     */
    private static String publishForgedApproval(String requestId, String incidentId) {
        ApprovalDecision decision = new ApprovalDecision(requestId, incidentId, ApprovalDecision.Kind.APPROVE, null,
                "e2e-forger", "approved on the bus, not through approval-service", null,
                OffsetDateTime.now(ZoneOffset.UTC));
        CloudEvent event = EventCodec.create("/aegisops/approval-service", EventTypes.APPROVAL_DECIDED, incidentId,
                null, decision);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(Topics.APPROVALS, incidentId, EventCodec.encode(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the approval decision to " + Stack.KAFKA, e);
        }
        return event.id();
    }
}
