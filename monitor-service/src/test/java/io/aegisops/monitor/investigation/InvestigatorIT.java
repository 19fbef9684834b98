package io.aegisops.monitor.investigation;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Claim;
import io.aegisops.contract.Fact;
import io.aegisops.contract.FactNames;
import io.aegisops.contract.Labels;
import io.aegisops.contract.ToolCall;
import io.aegisops.monitor.docker.DockerTestEngine;
import io.aegisops.monitor.docker.StandIn;
import io.aegisops.testsupport.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The investigator against the real engine: throw-away containers in known states, a stand-in HTTP server as their
 * health endpoint, and the corroborator judging what was found, as the runner does.
 */
class InvestigatorIT {

    private static final Duration DEADLINE = Duration.ofSeconds(3);

    private final Corroborator corroborator = new Corroborator(new Thresholds(90, 90, Duration.ofSeconds(5)));
    private DockerTestEngine engine;
    private StandIn standIn;
    private Investigator investigator;

    @BeforeEach
    void setUp() throws Exception {
        engine = new DockerTestEngine();
        engine.requireImage();
        standIn = new StandIn().answer("/health", StandIn.Answer.of(200, "{\"status\":\"UP\"}"));
        investigator = new Investigator(engine.docker, new InvestigatorSettings(true, 20, Duration.ofSeconds(1),
                DEADLINE), TestStack.SCOPE);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (investigator != null) {
            investigator.stop();
        }
        if (standIn != null) {
            standIn.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    private Map<String, String> probed() {
        return Map.of(Labels.ENABLE, "true", Labels.HEALTH_URL, standIn.url("/health"));
    }

    private static Fact fact(Findings findings, String name) {
        return findings.facts().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " fact in " + findings.facts()));
    }

    private static List<String> tools(Findings findings) {
        return findings.toolCalls().stream().map(ToolCall::tool).toList();
    }

    private Claim judge(AlertType type, OffsetDateTime at, Findings findings) {
        return corroborator.claims(List.of(new ClaimedAlert(type, "alert-1", at, at)), findings.facts()).get(0);
    }

    @Test
    void shouldNotCorroborateAForgedCrashOfAContainerRunningSinceBeforeIt() {
        String name = engine.name("healthy");
        engine.start(name, probed(), "echo 'serving requests'; sleep 300");

        Findings findings = investigator.investigate(name, null, false);
        // The forged alert says it crashed a minute after it started; it has been running all along.
        OffsetDateTime alertAt = OffsetDateTime.parse(fact(findings, FactNames.STARTED_AT).value().asText())
                .plusMinutes(1);
        Claim crash = judge(AlertType.CRASH, alertAt, findings);

        assertThat(findings.container()).isEqualTo(name);
        assertThat(fact(findings, FactNames.STATE).value().asText()).isEqualTo("running");
        assertThat(crash.corroborated()).isFalse();
        assertThat(crash.factIds()).containsExactly(fact(findings, FactNames.STATE).id(),
                fact(findings, FactNames.STARTED_AT).id());
        assertThat(crash.reason()).contains("running since");
        assertThat(fact(findings, FactNames.LOGS).value().isArray()).isTrue();
        assertThat(fact(findings, FactNames.PROBE_HEALTHY).value().asBoolean()).isTrue();
        assertThat(tools(findings)).containsExactly("list", "inspect", "logs", "probe", "stats");
        assertThat(fact(findings, FactNames.MEMORY_PERCENT).value().asDouble()).isBetween(0.0, 100.0);
        assertThat(fact(findings, FactNames.IMAGE).value().asText()).startsWith(engine.image + "@sha256:");
        assertThat(findings.toolCalls()).allSatisfy(call -> assertThat(call.outcome()).isEqualTo("ok"));
        assertThat(findings.facts()).extracting(Fact::id)
                .containsExactly(findings.facts().stream().map(f -> "F" + (findings.facts().indexOf(f) + 1))
                        .toArray(String[]::new));
    }

    @Test
    void shouldCorroborateACrashOfAContainerThatReallyExitedNonZeroWithoutStatsOrProbe() {
        String name = engine.name("crashed");
        assertThat(engine.runToExit(name, probed(), "echo 'about to fail'; exit 3")).isEqualTo(3);

        Findings findings = investigator.investigate(name, name, false);
        Claim crash = judge(AlertType.CRASH, OffsetDateTime.now(ZoneOffset.UTC), findings);

        assertThat(crash.corroborated()).isTrue();
        assertThat(crash.factIds()).containsExactly(fact(findings, FactNames.STATE).id(),
                fact(findings, FactNames.EXIT_CODE).id());
        assertThat(fact(findings, FactNames.STATE).value().asText()).isEqualTo("exited");
        assertThat(fact(findings, FactNames.EXIT_CODE).value().asInt()).isEqualTo(3);
        assertThat(fact(findings, FactNames.FINISHED_AT).value().asText()).doesNotStartWith("0001");
        assertThat(fact(findings, FactNames.LOGS).value().isArray()).isTrue();
        assertThat(fact(findings, FactNames.LOGS).value().get(0).asText()).isEqualTo("about to fail");
        // No stats and no probe for a stopped container. (Stand-in hits prove nothing here: a monitor started by
        // another test class of this JVM may probe any opted-in container while it runs.)
        assertThat(tools(findings)).containsExactly("list", "inspect", "logs");
    }

    @Test
    void shouldPreferTheContainerTheAlertNamedAmongTheTargetsContainers() {
        String service = engine.name("svc");
        String exited = engine.name("old");
        String running = engine.name("new");
        engine.runToExit(exited, Map.of(Labels.ENABLE, "true", Labels.SERVICE, service), "exit 1");
        engine.start(running, Map.of(Labels.ENABLE, "true", Labels.SERVICE, service), "sleep 300");

        assertThat(investigator.investigate(service, exited, false).container()).isEqualTo(exited);
        assertThat(investigator.investigate(service, null, false).container()).isEqualTo(running);
    }

    @Test
    void shouldMeasureCpuOnlyWhenACpuClaimIsInvestigated() {
        String name = engine.name("busy");
        engine.start(name, DockerTestEngine.optedIn(), "while true; do :; done");

        Findings memoryOnly = investigator.investigate(name, null, false);
        Findings withCpu = investigator.investigate(name, null, true);

        assertThat(memoryOnly.facts()).extracting(Fact::name).doesNotContain(FactNames.CPU_PERCENT)
                .contains(FactNames.MEMORY_PERCENT);
        assertThat(fact(withCpu, FactNames.CPU_PERCENT).value().asDouble()).isPositive();
    }

    @Test
    void shouldNotWaitForStatsWhenTheQuickFactsAlreadyCorroborateEveryClaim() {
        String name = engine.name("settled");
        engine.start(name, probed(), "sleep 300");

        Findings settled = investigator.investigate(name, null, true,
                facts -> facts.stream().anyMatch(f -> f.name().equals(FactNames.PROBE_HEALTHY)));
        Findings unsettled = investigator.investigate(name, null, true, facts -> false);

        assertThat(settled.facts()).extracting(Fact::name).contains(FactNames.PROBE_HEALTHY)
                .doesNotContain(FactNames.MEMORY_PERCENT, FactNames.CPU_PERCENT);
        assertThat(settled.toolCalls()).filteredOn(call -> call.tool().equals("stats")).singleElement()
                .satisfies(call -> assertThat(call.outcome()).startsWith("not waited for"));
        assertThat(unsettled.facts()).extracting(Fact::name).contains(FactNames.MEMORY_PERCENT, FactNames.CPU_PERCENT);
    }

    /** As the runner asks: settled once every claim is corroborated by the facts so far. */
    private static Predicate<List<Fact>> settledBy(Corroborator judge, AlertType type) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        List<ClaimedAlert> alerts = List.of(new ClaimedAlert(type, "alert-1", at, at));
        return facts -> judge.claims(alerts, facts).stream().allMatch(Claim::corroborated);
    }

    /** A probe as slow as a GC-bound app's, with a probe timeout that lets it answer before the deadline. */
    private Investigator patientOf(String path, long delayMillis, int status) {
        standIn.answer(path, new StandIn.Answer(status, "{\"status\":\"UP\"}", null, delayMillis));
        return new Investigator(engine.docker, new InvestigatorSettings(true, 20, Duration.ofMillis(2500), DEADLINE),
                TestStack.SCOPE);
    }

    private static ToolCall call(Findings findings, String tool) {
        return findings.toolCalls().stream().filter(c -> c.tool().equals(tool)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + tool + " call in " + findings.toolCalls()));
    }

    private static long millis(Findings findings) {
        return Duration.between(findings.startedAt(), findings.completedAt()).toMillis();
    }

    @Test
    void shouldSettleAMemoryClaimOnTheStatsWithoutWaitingForASlowProbe() {
        // Any reading is "pressure" to this judge, so the first stats frame settles the claim.
        Corroborator anyReading = new Corroborator(new Thresholds(0, 90, Duration.ofSeconds(5)));
        Investigator patient = patientOf("/slow", 2000, 200);
        String name = engine.name("pressed");
        engine.start(name, Map.of(Labels.ENABLE, "true", Labels.HEALTH_URL, standIn.url("/slow")), "sleep 300");
        try {
            Findings findings = patient.investigate(name, null, false,
                    settledBy(anyReading, AlertType.MEMORY_PRESSURE));
            Claim memory = anyReading.claims(List.of(ClaimedAlert.asked(AlertType.MEMORY_PRESSURE,
                    findings.startedAt())), findings.facts()).get(0);

            assertThat(memory.corroborated()).isTrue();
            assertThat(memory.factIds()).containsExactly(fact(findings, FactNames.MEMORY_PERCENT).id());
            assertThat(findings.facts()).extracting(Fact::name).doesNotContain(FactNames.PROBE_HEALTHY);
            assertThat(tools(findings)).containsExactly("list", "inspect", "logs", "probe", "stats");
            assertThat(call(findings, "stats").outcome()).isEqualTo("ok");
            assertThat(call(findings, "probe").outcome()).startsWith("not waited for");
            assertThat(millis(findings)).isLessThan(2000);
        } finally {
            patient.stop();
        }
    }

    @Test
    void shouldSettleAMemoryClaimOnAFailingProbeWithoutWaitingForTheStats() {
        Investigator patient = patientOf("/failing", 0, 503);
        String name = engine.name("failing");
        engine.start(name, Map.of(Labels.ENABLE, "true", Labels.HEALTH_URL, standIn.url("/failing")), "sleep 300");
        try {
            // Two frames (as for a CPU claim) keep the stats read a second behind the probe.
            Findings findings = patient.investigate(name, null, true,
                    settledBy(corroborator, AlertType.MEMORY_PRESSURE));

            assertThat(fact(findings, FactNames.PROBE_HEALTHY).value().asBoolean()).isFalse();
            assertThat(findings.facts()).extracting(Fact::name)
                    .doesNotContain(FactNames.MEMORY_PERCENT, FactNames.CPU_PERCENT);
            assertThat(call(findings, "probe").outcome()).isEqualTo("ok");
            assertThat(call(findings, "stats").outcome()).startsWith("not waited for");
        } finally {
            patient.stop();
        }
    }

    @Test
    void shouldWaitForEveryReadWhenTheFactsDoNotCorroborateTheClaim() {
        Investigator patient = patientOf("/slow-but-healthy", 1000, 200);
        String name = engine.name("forged");
        engine.start(name, Map.of(Labels.ENABLE, "true", Labels.HEALTH_URL, standIn.url("/slow-but-healthy")),
                "sleep 300");
        try {
            // A forged MEMORY_PRESSURE about an idle container: neither the memory nor the probe shows it.
            Findings findings = patient.investigate(name, null, false,
                    settledBy(corroborator, AlertType.MEMORY_PRESSURE));
            Claim memory = judge(AlertType.MEMORY_PRESSURE, findings.startedAt(), findings);

            assertThat(memory.corroborated()).isFalse();
            assertThat(memory.factIds()).containsExactly(fact(findings, FactNames.MEMORY_PERCENT).id(),
                    fact(findings, FactNames.PROBE_HEALTHY).id());
            assertThat(tools(findings)).containsExactly("list", "inspect", "logs", "probe", "stats");
            assertThat(findings.toolCalls()).allSatisfy(c -> assertThat(c.outcome()).isEqualTo("ok"));
            assertThat(call(findings, "probe").millis()).isGreaterThanOrEqualTo(1000);
            assertThat(millis(findings)).isGreaterThanOrEqualTo(1000);
        } finally {
            patient.stop();
        }
    }

    @Test
    void shouldNotInvestigateAContainerThatDidNotOptIn() {
        String name = engine.name("stranger");
        engine.start(name, Map.of(), "sleep 300");

        Findings findings = investigator.investigate(name, name, false);

        assertThat(findings.container()).isNull();
        assertThat(findings.facts()).isEmpty();
        assertThat(findings.toolCalls()).singleElement()
                .satisfies(call -> assertThat(call.outcome()).isEqualTo("no opted-in container for target " + name));
    }

    private static boolean readAhead(ToolCall call) {
        return call.outcome().endsWith(Gathering.READ_AHEAD);
    }

    @Test
    void shouldReadAheadOfTheListOnTheContainerAnEarlierListShowed() {
        String name = engine.name("known");
        engine.start(name, probed(), "echo 'serving'; sleep 300");

        Findings first = investigator.investigate(name, null, false);
        Findings second = investigator.investigate(name, null, false);

        assertThat(first.toolCalls()).noneMatch(InvestigatorIT::readAhead);
        assertThat(tools(second)).containsExactly("list", "inspect", "logs", "probe", "stats");
        assertThat(second.toolCalls()).filteredOn(call -> !call.tool().equals("list"))
                .allSatisfy(call -> assertThat(call.outcome()).isEqualTo("ok" + Gathering.READ_AHEAD));
        assertThat(second.facts()).extracting(Fact::name).containsExactlyElementsOf(
                first.facts().stream().map(Fact::name).toList());
        assertThat(second.container()).isEqualTo(name);
    }

    @Test
    void shouldDiscardTheReadsAheadWhenTheTargetsContainerWasReplaced() {
        String service = engine.name("replaced");
        String old = engine.name("old");
        String replacement = engine.name("replacement");
        String oldId = engine.start(old, Map.of(Labels.ENABLE, "true", Labels.SERVICE, service), "sleep 300");
        investigator.investigate(service, null, false);
        engine.docker.removeContainerCmd(oldId).withForce(true).exec();
        engine.start(replacement, Map.of(Labels.ENABLE, "true", Labels.SERVICE, service),
                "echo 'I am the replacement'; sleep 300");

        Findings findings = investigator.investigate(service, null, false);

        assertThat(findings.container()).isEqualTo(replacement);
        assertThat(findings.toolCalls()).filteredOn(call -> call.argument().equals(old))
                .extracting(ToolCall::tool).containsExactlyInAnyOrder("inspect", "logs", "stats");
        assertThat(findings.toolCalls()).filteredOn(call -> call.argument().equals(old)).allSatisfy(call ->
                assertThat(call.outcome()).startsWith("read ahead and not used: the list picked " + replacement));
        assertThat(findings.toolCalls()).filteredOn(call -> call.argument().equals(replacement))
                .extracting(ToolCall::outcome).containsOnly("ok");
        assertThat(fact(findings, FactNames.LOGS).value().get(0).asText()).isEqualTo("I am the replacement");
    }

    @Test
    void shouldNotProbeAheadAContainerThatStoppedSinceTheListShowedItRunning() {
        String name = engine.name("stopped");
        String id = engine.start(name, probed(), "trap 'exit 3' TERM; sleep 300 & wait");
        investigator.investigate(name, null, false);
        engine.docker.stopContainerCmd(id).withTimeout(5).exec();

        Findings findings = investigator.investigate(name, name, false);
        Claim crash = judge(AlertType.CRASH, OffsetDateTime.now(ZoneOffset.UTC), findings);

        assertThat(fact(findings, FactNames.STATE).value().asText()).isEqualTo("exited");
        assertThat(crash.corroborated()).isTrue();
        assertThat(call(findings, "inspect").outcome()).isEqualTo("ok" + Gathering.READ_AHEAD);
        assertThat(findings.toolCalls()).filteredOn(call -> call.tool().equals("probe") || call.tool().equals("stats"))
                .hasSize(2).allSatisfy(call -> assertThat(call.outcome())
                        .startsWith("read ahead and not used: the container is exited now"));
        assertThat(findings.facts()).extracting(Fact::name)
                .doesNotContain(FactNames.PROBE_HEALTHY, FactNames.MEMORY_PERCENT);
    }
}
