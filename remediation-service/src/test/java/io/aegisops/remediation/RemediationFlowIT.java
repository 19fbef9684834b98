package io.aegisops.remediation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.Citation;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.Labels;
import io.aegisops.contract.RemediationEvent;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Topics;
import io.aegisops.kit.auth.Roles;
import io.aegisops.remediation.docker.ActionExecutor;
import io.aegisops.remediation.docker.NotOptedInException;
import io.aegisops.remediation.domain.Remediation;
import io.aegisops.remediation.domain.RemediationState;
import io.aegisops.remediation.service.ActionWorker;
import io.aegisops.remediation.support.Await;
import io.aegisops.remediation.support.HealthStandIn;
import io.aegisops.remediation.support.Remediations;
import io.aegisops.remediation.support.TestEvents;
import io.aegisops.remediation.support.ThrowAwayContainers;
import io.aegisops.testsupport.AegisInfrastructure;
import io.aegisops.testsupport.SignedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.aegisops.remediation.support.ThrowAwayContainers.CRASH_ONCE;
import static io.aegisops.remediation.support.ThrowAwayContainers.RUN_FOREVER;
import static io.aegisops.remediation.support.ThrowAwayContainers.optedIn;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * remediation-service against a real PostgreSQL, a real Kafka broker and the real Docker engine: diagnoses and
 * decisions go in as events, containers are really restarted (or not), and the engine's own StartedAt and event
 * counts prove what was done. Every test has its own target and incident, so the order of the tests is irrelevant.
 */
@QuarkusTest
@QuarkusTestResource(value = AegisInfrastructure.class,
        initArgs = @ResourceArg(name = AegisInfrastructure.DATABASE, value = "remediation"))
@TestSecurity(user = "vera", roles = Roles.VIEWER)
class RemediationFlowIT {

    private static final String DIAGNOSES_CONSUMER = "remediation-service.diagnoses";
    private static final String APPROVALS_CONSUMER = "remediation-service.approvals";
    private static final String REFUSALS_CONSUMER = "remediation-service.refused-decisions";

    private static final Remediations remediations = new Remediations();

    private final ActionExecutor executor;
    private final ActionWorker worker;
    private ThrowAwayContainers containers;
    private HealthStandIn health;
    private Instant testStart;

    RemediationFlowIT(ActionExecutor executor, ActionWorker worker, DataSource dataSource) {
        this.executor = executor;
        this.worker = worker;
        remediations.use(dataSource);
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterAll
    static void disconnect() {
        remediations.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        containers = new ThrowAwayContainers();
        health = new HealthStandIn();
        testStart = Instant.now();
    }

    @AfterEach
    void tearDown() throws Exception {
        health.close();
        containers.close();
    }

    private void send(Diagnosis diagnosis) {
        remediations.send(Topics.DIAGNOSES, TestEvents.diagnosisEvent(diagnosis));
    }

    private void decide(ApprovalRequest request, ApprovalDecision.Kind kind, Action action, String actor, String reason) {
        remediations.sendAndAwaitProcessed(Topics.APPROVALS, APPROVALS_CONSUMER,
                TestEvents.decisionEvent(request.requestId(), request.incidentId(), kind, action, actor, reason));
    }

    /** A labelled, running container of a fresh target whose health URL is the stand-in. */
    private String startTarget(String target, String... extraLabels) {
        Map<String, String> labels = optedIn(target, extraLabels);
        labels.putIfAbsent(Labels.HEALTH_URL, health.url());
        return containers.start(target, labels, RUN_FOREVER);
    }

    @Test
    void shouldRestartALabelledContainerExactlyOnceEvenWhenTheDiagnosisIsDeliveredTwice() {
        String target = containers.uniqueName("restart");
        String id = startTarget(target);
        String startedBefore = containers.startedAt(id);
        String incident = TestEvents.newIncident();
        Diagnosis diagnosis = TestEvents.diagnosis(incident, 1, target, target, Action.RESTART, 0.95);
        CloudEvent event = TestEvents.diagnosisEvent(diagnosis);

        remediations.send(Topics.DIAGNOSES, event);
        remediations.send(Topics.DIAGNOSES, event);
        RemediationEvent resolved = remediations.await(incident, RemediationStage.RESOLVED);

        // Redeliveries after the fact: the same diagnosis in a new envelope, then a later revision.
        remediations.send(Topics.DIAGNOSES, TestEvents.diagnosisEvent(diagnosis));
        Diagnosis revision = TestEvents.diagnosis(incident, 2, target, target, Action.RESTART, 0.99);
        remediations.sendAndAwaitProcessed(Topics.DIAGNOSES, DIAGNOSES_CONSUMER, TestEvents.diagnosisEvent(revision));

        String startedAfter = containers.startedAt(id);
        assertThat(startedAfter).isNotEqualTo(startedBefore);
        assertThat(resolved.details()).containsEntry("startedAtBefore", startedBefore)
                .containsEntry("startedAtAfter", startedAfter)
                .containsKeys("decidedAt", "actionStartedAt", "actionEndedAt", "verifiedAt");
        assertThat(resolved.container()).isEqualTo(target);
        assertThat(health.probes()).isPositive();
        assertThat(containers.events(id, "restart", testStart)).hasSize(1);
        given().queryParam("incidentId", incident).get("/api/remediations").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].state", equalTo("RESOLVED"))
                .body("[0].steps.stage", equalTo(List.of("ACTING", "VERIFYING", "RESOLVED")))
                .body("[0].diagnoses.disposition", equalTo(List.of("DECIDED", "IGNORED")))
                .body("[0].startedAtAfter", equalTo(startedAfter));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("aegis_remediation_actions_total{action=\"restart\",outcome=\"resolved\"}"))
                .body(containsString("aegis_remediation_verification_duration_seconds_count{action=\"restart\",healthy=\"true\"}"))
                .body(containsString("aegis_remediation_action_duration_seconds_count{action=\"restart\"}"));
    }

    @Test
    void shouldReleaseAWaitingActionWhenTheApprovalArrives() {
        String target = containers.uniqueName("approve");
        String id = startTarget(target);
        String startedBefore = containers.startedAt(id);
        String incident = TestEvents.newIncident();
        List<Citation> citations = List.of(
                new Citation(Citation.Kind.FACT, "F2", "exitCode (engine.inspect)", "exit code 3"),
                new Citation(Citation.Kind.RUNBOOK, "crash#verify", "Crash loop — Verify", "Check the exit code"),
                new Citation(Citation.Kind.INCIDENT, UUID.randomUUID().toString(), "the process died",
                        "RESTART resolved it"));

        send(TestEvents.diagnosis(incident, 1, target, target, Action.RESTART, 0.70, true, citations));
        RemediationEvent waiting = remediations.await(incident, RemediationStage.AWAITING_APPROVAL);
        ApprovalRequest request = remediations.awaitApprovalRequests(incident, 1).get(0);

        assertThat(waiting.reason()).contains("confidence 0.7 is below 0.85");
        assertThat(request.proposedAction()).isEqualTo(Action.RESTART);
        assertThat(request.container()).isEqualTo(target);
        assertThat(request.citations()).as("the person asked sees what the diagnosis rests on")
                .containsExactlyElementsOf(citations);
        assertThat(containers.startedAt(id)).isEqualTo(startedBefore);

        decide(request, ApprovalDecision.Kind.APPROVE, null, "alice", "looks right");
        RemediationEvent resolved = remediations.await(incident, RemediationStage.RESOLVED);

        assertThat(containers.startedAt(id)).isNotEqualTo(startedBefore);
        assertThat(remediations.await(incident, RemediationStage.ACTING).actor()).isEqualTo("alice");
        assertThat(resolved.details()).containsEntry("startedAtBefore", startedBefore);
        assertThat(containers.events(id, "restart", testStart)).hasSize(1);
    }

    /**
     * The event bus is not a command line: decisions approval-service did not sign (unsigned, signed by another key,
     * altered after signing) are recorded and change nothing, and a forgery that borrowed the genuine decision's
     * event id does not stop the genuine one from counting.
     */
    @Test
    void shouldRecordButNeverApplyADecisionApprovalServiceDidNotSign() throws Exception {
        String target = containers.uniqueName("forged");
        String id = startTarget(target);
        String startedBefore = containers.startedAt(id);
        String incident = TestEvents.newIncident();
        send(TestEvents.diagnosis(incident, 1, target, target, Action.RESTART, 0.70, true));
        ApprovalRequest request = remediations.awaitApprovalRequests(incident, 1).get(0);
        CloudEvent genuine = TestEvents.decisionEvent(request.requestId(), incident, ApprovalDecision.Kind.APPROVE,
                null, "alice", "looks right");
        CloudEvent unsigned = TestEvents.decisionEvent(request.requestId(), incident, ApprovalDecision.Kind.APPROVE,
                null, "mallory", "unsigned").signed(null);
        String otherKey = Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
        CloudEvent otherKeySigned = SignedEvents.sign(TestEvents.decisionEvent(request.requestId(), incident,
                ApprovalDecision.Kind.OVERRIDE, Action.STOP, "mallory", "own key"), otherKey);
        ObjectNode altered = genuine.data().deepCopy();
        altered.put("actor", "mallory");
        CloudEvent borrowedId = new CloudEvent(genuine.specversion(), genuine.id(), genuine.source(), genuine.type(),
                genuine.incidentid(), genuine.subject(), genuine.time(), genuine.datacontenttype(), altered,
                genuine.signature());

        for (CloudEvent forged : List.of(unsigned, otherKeySigned, borrowedId)) {
            remediations.sendAndAwaitProcessed(Topics.APPROVALS, REFUSALS_CONSUMER, forged);
        }

        assertThat(containers.startedAt(id)).isEqualTo(startedBefore);
        given().queryParam("incidentId", incident).get("/api/remediations").then().statusCode(200)
                .body("[0].state", equalTo("AWAITING_APPROVAL"))
                .body("[0].approvals[0].decision", nullValue());
        given().queryParam("incidentId", incident).get("/api/refused-decisions").then().statusCode(200)
                .body("eventId", containsInAnyOrder(unsigned.id(), otherKeySigned.id(), genuine.id()))
                .body("actor", everyItem(equalTo("mallory")))
                .body("reason", hasItems("not applied: it carries no signature",
                        "not applied: its signature does not match its content and approval-service's key"));

        remediations.sendAndAwaitProcessed(Topics.APPROVALS, APPROVALS_CONSUMER, genuine);
        remediations.await(incident, RemediationStage.RESOLVED);

        assertThat(remediations.await(incident, RemediationStage.ACTING).actor()).isEqualTo("alice");
        assertThat(containers.events(id, "restart", testStart)).hasSize(1);
    }

    @Test
    void shouldAskAHumanInsteadOfRestartingOnAConfidentButUncorroboratedDiagnosis() {
        String target = containers.uniqueName("uncorroborated");
        String id = startTarget(target);
        String startedBefore = containers.startedAt(id);
        String incident = TestEvents.newIncident();

        send(TestEvents.diagnosis(incident, 1, target, target, Action.RESTART, 0.99, false));
        RemediationEvent waiting = remediations.await(incident, RemediationStage.AWAITING_APPROVAL);
        ApprovalRequest request = remediations.awaitApprovalRequests(incident, 1).get(0);

        String uncorroborated = "the diagnosis' claim is not corroborated by facts AegisOps observed itself";
        assertThat(waiting.reason()).isEqualTo("approval needed: " + uncorroborated);
        assertThat(request.reason()).contains(uncorroborated);
        assertThat(containers.startedAt(id)).isEqualTo(startedBefore);
        assertThat(containers.events(id, "restart", testStart)).isEmpty();
    }

    @Test
    void shouldLeaveTheContainerUntouchedWhenRejectedAndIgnoreALaterApproval() {
        String target = containers.uniqueName("reject");
        String id = startTarget(target);
        String startedBefore = containers.startedAt(id);
        String incident = TestEvents.newIncident();

        send(TestEvents.diagnosis(incident, 1, target, target, Action.RESTART, 0.60));
        ApprovalRequest request = remediations.awaitApprovalRequests(incident, 1).get(0);
        decide(request, ApprovalDecision.Kind.REJECT, null, "bob", "it is the database, not the app");
        decide(request, ApprovalDecision.Kind.APPROVE, null, "carol", "restart it");
        RemediationEvent rejected = remediations.await(incident, RemediationStage.REJECTED);

        assertThat(rejected.actor()).isEqualTo("bob");
        assertThat(rejected.reason()).contains("it is the database, not the app", "not touched");
        assertThat(containers.startedAt(id)).isEqualTo(startedBefore);
        assertThat(containers.events(id, "restart", testStart)).isEmpty();
        given().queryParam("incidentId", incident).get("/api/remediations").then().statusCode(200)
                .body("[0].state", equalTo("REJECTED"))
                .body("[0].approvals[0].decision", equalTo("REJECT"))
                .body("[0].approvals[0].decidedBy", equalTo("bob"))
                .body("[0].steps.stage", equalTo(List.of("AWAITING_APPROVAL", "REJECTED")));
    }

    @Test
    void shouldRefuseAContainerThatIsNotOptedIn() {
        String target = containers.uniqueName("unlabelled");
        String id = containers.start(target, Map.of(), RUN_FOREVER);
        String startedBefore = containers.startedAt(id);
        String incident = TestEvents.newIncident();

        send(TestEvents.diagnosis(incident, 1, target, target, Action.RESTART, 0.99));
        RemediationEvent escalated = remediations.await(incident, RemediationStage.ESCALATED);

        assertThat(escalated.reason()).startsWith("refused: not opted in").contains(target);
        assertThat(containers.startedAt(id)).isEqualTo(startedBefore);
        assertThat(containers.events(id, "restart", testStart)).isEmpty();
    }

    /** A user's stack on the same engine labels its containers with its name: this stack never touches them. */
    @Test
    void shouldNeverTouchAnotherStacksContainer() {
        String target = containers.uniqueName("other-stack");
        String id = containers.start(target, ThrowAwayContainers.optedIn(target, Labels.STACK, "aegisops"),
                RUN_FOREVER);
        String startedBefore = containers.startedAt(id);
        String incident = TestEvents.newIncident();

        send(TestEvents.diagnosis(incident, 1, target, target, Action.RESTART, 0.99));
        RemediationEvent escalated = remediations.await(incident, RemediationStage.ESCALATED);

        assertThat(escalated.reason()).isEqualTo("refused: not this stack's container (" + target
                + ": it belongs to AegisOps stack 'aegisops' (aegis.stack), not to 'aegisops-module-tests')");
        assertThatThrownBy(() -> executor.execute(id, Action.RESTART, Duration.ofSeconds(1)))
                .isInstanceOf(NotOptedInException.class).hasMessageStartingWith("refused: not this stack's container");
        assertThat(containers.startedAt(id)).isEqualTo(startedBefore);
        assertThat(containers.events(id, "restart", testStart)).isEmpty();
        given().get("/api/containers").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(target)));
    }

    @Test
    void shouldEscalateWhenNoContainerServesTheTarget() {
        String target = containers.uniqueName("absent");
        String incident = TestEvents.newIncident();

        send(TestEvents.diagnosis(incident, 1, target, null, Action.RESTART, 0.99));

        assertThat(remediations.await(incident, RemediationStage.ESCALATED).reason())
                .isEqualTo("no opted-in container for target " + target);
    }

    @Test
    void shouldMakeItImpossibleForTheExecutorToTouchAnUnlabelledContainer() {
        String id = containers.start(containers.uniqueName("executor"), Map.of(Labels.SERVICE, "x"), RUN_FOREVER);
        String startedBefore = containers.startedAt(id);

        assertThatThrownBy(() -> executor.execute(id, Action.RESTART, Duration.ofSeconds(1)))
                .isInstanceOf(NotOptedInException.class)
                .hasMessageStartingWith("refused: not opted in");
        assertThatThrownBy(() -> executor.execute(id, Action.STOP, Duration.ofSeconds(1)))
                .isInstanceOf(NotOptedInException.class);

        assertThat(containers.running(id)).isTrue();
        assertThat(containers.startedAt(id)).isEqualTo(startedBefore);
        assertThat(containers.events(id, "kill", testStart)).isEmpty();
    }

    @Test
    void shouldVerifyInsteadOfRepeatingAnActionThatWasStartedWhenTheServiceDied() {
        String target = containers.uniqueName("resume");
        OffsetDateTime claimed = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(29);
        // The dead owner's restart reached the engine: the container runs a start from after the claim.
        String id = startTarget(target);
        String startedBefore = containers.startedAt(id);
        String incident = TestEvents.newIncident();
        UUID remediationId = interruptedRestart(incident, target, id, claimed);

        worker.recoverInterrupted();
        RemediationEvent verifying = remediations.await(incident, RemediationStage.VERIFYING);
        RemediationEvent resolved = remediations.await(incident, RemediationStage.RESOLVED);

        assertThat(verifying.reason()).contains("verified instead of repeated");
        assertThat(verifying.details()).containsEntry("resumed", true);
        assertThat(resolved.details()).containsEntry("startedAtAfter", startedBefore);
        assertThat(resolved.reason()).contains("container restarted (a new run, started " + startedBefore + ")");
        assertThat(containers.startedAt(id)).isEqualTo(startedBefore);
        assertThat(containers.events(id, "restart", testStart)).isEmpty();
        assertThat(containers.events(id, "kill", testStart)).isEmpty();
        given().get("/api/remediations/{id}", remediationId.toString()).then().statusCode(200)
                .body("state", equalTo("RESOLVED"))
                .body("steps.stage", equalTo(List.of("VERIFYING", "RESOLVED")));
    }

    @Test
    void shouldFailARestartThatNeverReachedTheEngineInsteadOfCallingTheHealthyContainerFixed() {
        String target = containers.uniqueName("never-restarted");
        String id = startTarget(target);
        String startedBefore = containers.startedAt(id);
        // The owner died after its claim and before the call: the healthy container still runs its old start.
        OffsetDateTime claimed = OffsetDateTime.now(ZoneOffset.UTC);
        String incident = TestEvents.newIncident();
        UUID remediationId = interruptedRestart(incident, target, id, claimed);

        worker.recoverInterrupted();
        RemediationEvent failed = remediations.await(incident, RemediationStage.FAILED);
        remediations.await(incident, RemediationStage.ESCALATED);

        assertThat(failed.reason()).startsWith("verification failed: not healthy within ")
                .endsWith("no restart happened: the container still runs the start of " + startedBefore
                        + ", from before the action");
        assertThat(containers.startedAt(id)).isEqualTo(startedBefore);
        assertThat(containers.events(id, "restart", testStart)).isEmpty();
        // A failed action goes to a human, who sees that nothing was restarted.
        given().get("/api/remediations/{id}", remediationId.toString()).then().statusCode(200)
                .body("state", equalTo("ESCALATED"));
    }

    /** A RESTART whose owner died while ACTING: claimed at {@code claimed}, its outcome never recorded. */
    private static UUID interruptedRestart(String incident, String target, String containerId, OffsetDateTime claimed) {
        UUID remediationId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Remediation r = new Remediation();
            r.id = remediationId;
            r.incidentId = UUID.fromString(incident);
            r.target = target;
            r.diagnosisId = UUID.randomUUID().toString();
            r.diagnosisRevision = 1;
            r.proposedAction = Action.RESTART;
            r.action = Action.RESTART;
            r.confidence = 0.95;
            r.containerId = containerId;
            r.containerName = target;
            r.state = RemediationState.ACTING;
            r.decidedBy = "remediation-service (policy)";
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            r.decidedAt = claimed.minusSeconds(1);
            r.intendedAt = claimed.minusSeconds(1);
            r.actionStartedAt = claimed;
            r.owner = "a-process-that-died";
            r.leaseUntil = now.minusSeconds(1);
            r.persist();
        });
        return remediationId;
    }

    @Test
    void shouldEscalateInsteadOfRestartingOnceTheBudgetIsSpent() {
        String target = containers.uniqueName("budget");
        String id = startTarget(target, Labels.RESTART_BUDGET, "1/15m");
        String first = TestEvents.newIncident();
        String second = TestEvents.newIncident();

        send(TestEvents.diagnosis(first, 1, target, target, Action.RESTART, 0.95));
        RemediationEvent acting = remediations.await(first, RemediationStage.ACTING);
        remediations.await(first, RemediationStage.RESOLVED);
        String startedAfterFirst = containers.startedAt(id);
        send(TestEvents.diagnosis(second, 1, target, target, Action.RESTART, 0.95));
        RemediationEvent escalated = remediations.await(second, RemediationStage.ESCALATED);

        assertThat(acting.details()).containsEntry("budget", "1/15m").containsEntry("budgetUsed", 1)
                .containsEntry("budgetLeft", 0);
        assertThat(escalated.reason()).isEqualTo("restart budget 1/15m is spent");
        assertThat(escalated.details()).containsEntry("budgetUsed", 1).containsEntry("budgetLeft", 0);
        assertThat(containers.startedAt(id)).isEqualTo(startedAfterFirst);
        assertThat(containers.events(id, "restart", testStart)).hasSize(1);
        given().queryParam("target", target).get("/api/containers").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].restartBudget.used", equalTo(1))
                .body("[0].restartBudget.left", equalTo(0))
                .body("[0].lastAction.incidentId", equalTo(first));
    }

    @Test
    void shouldFailTheVerificationAsSoonAsTheRestartedContainerExitsAgain() {
        String target = containers.uniqueName("dies-again");
        // Health URL nobody answers, so only the exit can end the verification before its deadline.
        String id = containers.start(target, optedIn(target, Labels.HEALTH_URL, "http://127.0.0.1:9/health"),
                "sleep 2; exit 3");
        assertThat(containers.awaitExit(id)).isEqualTo(3);
        String incident = TestEvents.newIncident();

        send(TestEvents.diagnosis(incident, 1, target, target, Action.RESTART, 0.95));
        RemediationEvent failed = remediations.await(incident, RemediationStage.FAILED);
        remediations.await(incident, RemediationStage.ESCALATED);

        assertThat(failed.reason()).isEqualTo("verification failed: container is exited again after the RESTART: "
                + "it does not stay up");
        assertThat(containers.events(id, "restart", testStart)).hasSize(1);
    }

    @Test
    void shouldAskBeforeStartingAContainerAnOperatorStoppedButStartACrashedOneAtOnce() {
        String stoppedTarget = containers.uniqueName("operator-stopped");
        String stopped = startTarget(stoppedTarget);
        String crashedTarget = containers.uniqueName("crashed");
        String crashed = containers.start(crashedTarget, optedIn(crashedTarget), CRASH_ONCE);
        containers.stopAsOperator(stopped);
        assertThat(containers.awaitExit(crashed)).isEqualTo(3);
        Await.until("the operator's stop is recorded", Remediations.WAIT, () -> given()
                .queryParam("target", stoppedTarget).get("/api/containers").then().statusCode(200)
                .extract().jsonPath().getBoolean("[0].stoppedOnPurpose"));
        String stoppedIncident = TestEvents.newIncident();
        String crashedIncident = TestEvents.newIncident();

        send(TestEvents.diagnosis(stoppedIncident, 1, stoppedTarget, stoppedTarget, Action.START, 0.95));
        send(TestEvents.diagnosis(crashedIncident, 1, crashedTarget, crashedTarget, Action.START, 0.95));
        RemediationEvent waiting = remediations.await(stoppedIncident, RemediationStage.AWAITING_APPROVAL);
        remediations.await(crashedIncident, RemediationStage.RESOLVED);

        assertThat(waiting.reason()).contains("an operator stopped the container on purpose");
        assertThat(containers.running(stopped)).isFalse();
        assertThat(containers.running(crashed)).isTrue();
        given().queryParam("target", crashedTarget).get("/api/containers").then()
                .body("[0].stoppedOnPurpose", equalTo(false));
    }

    @Test
    void shouldDecideARevisedDiagnosisAfterChangesWereRequested() {
        String target = containers.uniqueName("changes");
        startTarget(target);
        String incident = TestEvents.newIncident();

        send(TestEvents.diagnosis(incident, 1, target, target, Action.RESTART, 0.70));
        ApprovalRequest first = remediations.awaitApprovalRequests(incident, 1).get(0);
        decide(first, ApprovalDecision.Kind.REQUEST_CHANGES, null, "dana", "check the heap first");
        send(TestEvents.diagnosis(incident, 2, target, target, Action.STOP, 0.80));
        ApprovalRequest second = remediations.awaitApprovalRequests(incident, 2).get(1);

        assertThat(second.requestId()).isNotEqualTo(first.requestId());
        assertThat(second.proposedAction()).isEqualTo(Action.STOP);
        assertThat(second.reason()).contains("STOP needs approval");
        List<RemediationEvent> waiting = remediations.await(incident, RemediationStage.AWAITING_APPROVAL, 3);
        assertThat(waiting.get(1).reason()).contains("changes requested by dana: check the heap first");
        given().queryParam("incidentId", incident).get("/api/remediations").then()
                .body("[0].diagnosisRevision", equalTo(2))
                .body("[0].diagnoses.disposition", equalTo(List.of("DECIDED", "REDECIDED")))
                .body("[0].approvals.decision", equalTo(java.util.Arrays.asList("REQUEST_CHANGES", null)));
    }

    @Test
    void shouldCarryOutAnOverriddenActionAndEscalateAnOverrideItCannotPerform() {
        String target = containers.uniqueName("override");
        String id = startTarget(target);
        String incident = TestEvents.newIncident();
        String other = containers.uniqueName("override-unsupported");
        startTarget(other);
        String otherIncident = TestEvents.newIncident();

        send(TestEvents.diagnosis(incident, 1, target, target, Action.RESTART, 0.70));
        send(TestEvents.diagnosis(otherIncident, 1, other, other, Action.RESTART, 0.70));
        decide(remediations.awaitApprovalRequests(incident, 1).get(0), ApprovalDecision.Kind.OVERRIDE, Action.STOP,
                "erin", "stop it until Monday");
        decide(remediations.awaitApprovalRequests(otherIncident, 1).get(0), ApprovalDecision.Kind.OVERRIDE,
                Action.ROLLBACK, "erin", "roll it back");
        RemediationEvent resolved = remediations.await(incident, RemediationStage.RESOLVED);
        RemediationEvent escalated = remediations.await(otherIncident, RemediationStage.ESCALATED);

        assertThat(resolved.action()).isEqualTo(Action.STOP);
        assertThat(containers.running(id)).isFalse();
        assertThat(escalated.reason()).contains("override to ROLLBACK cannot be carried out");
    }
}
