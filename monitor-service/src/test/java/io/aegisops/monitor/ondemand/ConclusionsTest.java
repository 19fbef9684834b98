package io.aegisops.monitor.ondemand;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Citation;
import io.aegisops.contract.Claim;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.Fact;
import io.aegisops.contract.FactNames;
import io.aegisops.contract.ToolCall;
import io.aegisops.monitor.investigation.ClaimedAlert;
import io.aegisops.monitor.investigation.Corroborator;
import io.aegisops.monitor.investigation.Thresholds;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conclusion of an on-demand report from facts built by hand and judged by the real corroborator, as the service
 * does it: the kinds the question points at come first, observed kinds are named with their facts, and a target
 * where nothing is observed is called healthy with its key figures.
 */
class ConclusionsTest {

    private static final OffsetDateTime ASKED_AT = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private final Corroborator corroborator = new Corroborator(new Thresholds(90, 60, Duration.ofSeconds(5)));
    private final List<Fact> facts = new ArrayList<>();
    private final List<ToolCall> calls = new ArrayList<>();

    private ConclusionsTest fact(String name, String summary, Object value) {
        facts.add(new Fact("F" + (facts.size() + 1), name, "engine.inspect", summary,
                EventCodec.mapper().valueToTree(value), ASKED_AT));
        return this;
    }

    private ConclusionsTest healthyRunning() {
        calls.add(new ToolCall("list", "checkout", 5, "ok"));
        calls.add(new ToolCall("inspect", "checkout-1", 8, "ok"));
        calls.add(new ToolCall("probe", "http://checkout:8080/health", 42, "ok"));
        calls.add(new ToolCall("stats", "checkout-1", 1100, "ok"));
        return fact(FactNames.STATE, "State: running", "running")
                .fact(FactNames.EXIT_CODE, "Exit code: 0", 0)
                .fact(FactNames.OOM_KILLED, "OOMKilled=false", false)
                .fact(FactNames.RESTART_COUNT, "Restarted by the engine 0 time(s)", 0)
                .fact(FactNames.STARTED_AT, "Started at …", ASKED_AT.minusHours(3).toString());
    }

    private Conclusions.Drawn draw(String question) {
        List<AlertType> asked = QuestionKinds.of(question);
        List<Claim> claims = corroborator.claims(Conclusions.order(asked).stream()
                .map(kind -> ClaimedAlert.asked(kind, ASKED_AT)).toList(), facts);
        return Conclusions.draw(question, "checkout", "checkout-1", asked, claims, facts, calls);
    }

    @Test
    void shouldPointQuestionsAtTheFaultKindsTheirWordsName() {
        assertThat(QuestionKinds.of("why is checkout slow?")).containsExactly(AlertType.LATENCY);
        assertThat(QuestionKinds.of("Is it leaking memory or burning CPU?"))
                .containsExactly(AlertType.MEMORY_PRESSURE, AlertType.OOM_KILLED, AlertType.CPU_SATURATION);
        assertThat(QuestionKinds.of("CPU first, then: did it crash and restart?"))
                .containsExactly(AlertType.CPU_SATURATION, AlertType.CRASH);
        assertThat(QuestionKinds.of("it went down after the OOM")).containsExactly(AlertType.CRASH,
                AlertType.MEMORY_PRESSURE, AlertType.OOM_KILLED);
        assertThat(QuestionKinds.of("how are the downloads doing? slowness?")).containsExactly(AlertType.LATENCY);
        assertThat(QuestionKinds.of("what is going on?")).isEmpty();
    }

    @Test
    void shouldJudgeEveryFaultKindButExternalWithTheAskedOnesFirst() {
        assertThat(Conclusions.order(List.of(AlertType.CRASH, AlertType.LATENCY))).containsExactly(
                AlertType.CRASH, AlertType.LATENCY, AlertType.MEMORY_PRESSURE, AlertType.CPU_SATURATION,
                AlertType.OOM_KILLED, AlertType.UNHEALTHY, AlertType.DEPENDENCY_DOWN);
        assertThat(Conclusions.KINDS).doesNotContain(AlertType.EXTERNAL);
    }

    @Test
    void shouldCallAHealthyTargetHealthyWithItsKeyFiguresAndCiteThem() {
        healthyRunning().fact(FactNames.PROBE_HEALTHY, "GET http://checkout:8080/health -> HTTP 200", true)
                .fact(FactNames.MEMORY_PERCENT, "Memory: 12.3% of its limit", 12.3)
                .fact(FactNames.CPU_PERCENT, "CPU: 1.5% of its allowance", 1.5);

        Conclusions.Drawn drawn = draw("why is checkout slow?");

        String summary = drawn.conclusion().summary();
        assertThat(summary)
                .startsWith("Asked \"why is checkout slow?\": the question points at LATENCY, answered first.")
                .contains("LATENCY not observed: the container is running and the health probe answered healthy; "
                        + "the health probe took 42 ms (F1, F6)")
                .contains("No fault kind is observed: checkout (container checkout-1) looks healthy — state running "
                        + "(F1), memory 12.3% of its limit (F7), CPU 1.5% of its allowance (F8), health probe GET "
                        + "http://checkout:8080/health -> HTTP 200 in 42 ms (F6), restarted by the engine 0 time(s) "
                        + "(F4).");
        assertThat(drawn.conclusion().findings()).hasSize(Conclusions.KINDS.size()).allMatch(f -> !f.observed());
        assertThat(drawn.conclusion().findings().get(0)).satisfies(f -> {
            assertThat(f.kind()).isEqualTo(AlertType.LATENCY);
            assertThat(f.asked()).isTrue();
        });
        assertThat(drawn.conclusion().findings()).filteredOn(Finding::asked).hasSize(1);
        assertThat(drawn.citations()).extracting(Citation::ref).containsExactly("F1", "F6", "F7", "F8", "F4");
        assertThat(drawn.citations()).allSatisfy(c -> assertThat(c.kind()).isEqualTo(Citation.Kind.FACT));
        assertThat(drawn.citations().get(1).title()).isEqualTo(FactNames.PROBE_HEALTHY);
        assertThat(drawn.citations().get(1).detail()).isEqualTo("GET http://checkout:8080/health -> HTTP 200");
    }

    @Test
    void shouldAnswerTheAskedKindAndThenNameWhatElseIsObserved() {
        healthyRunning().fact(FactNames.PROBE_HEALTHY,
                        "GET http://checkout:8080/health failed: no answer within 1000 ms", false)
                .fact(FactNames.MEMORY_PERCENT, "Memory: 95.0% of its limit", 95.0)
                .fact(FactNames.CPU_PERCENT, "CPU: 2.0% of its allowance", 2.0);

        Conclusions.Drawn drawn = draw("why is checkout slow?");

        String summary = drawn.conclusion().summary();
        assertThat(summary).contains("LATENCY observed: the health probe failed (GET http://checkout:8080/health "
                        + "failed: no answer within 1000 ms); the health probe took 42 ms (F6).")
                .contains("Also: MEMORY_PRESSURE observed: memory is at 95.0% of its limit, at or above 90.0% (F7).")
                .contains("CPU_SATURATION observed: the health probe failed")
                .doesNotContain("looks healthy").doesNotContain("CRASH");
        assertThat(summary.indexOf("LATENCY observed")).isLessThan(summary.indexOf("MEMORY_PRESSURE observed"));
        assertThat(drawn.conclusion().findings()).filteredOn(Finding::observed).extracting(Finding::kind)
                .containsExactly(AlertType.LATENCY, AlertType.MEMORY_PRESSURE, AlertType.CPU_SATURATION,
                        AlertType.UNHEALTHY, AlertType.DEPENDENCY_DOWN);
        assertThat(drawn.citations()).extracting(Citation::ref).containsExactly("F6", "F7");
    }

    @Test
    void shouldNameACrashThatNobodyAskedAbout() {
        calls.add(new ToolCall("inspect", "checkout-1", 8, "ok"));
        fact(FactNames.STATE, "State: exited", "exited").fact(FactNames.EXIT_CODE, "Exit code: 3", 3)
                .fact(FactNames.OOM_KILLED, "OOMKilled=false", false);

        Conclusions.Drawn drawn = draw("what is going on?");

        assertThat(drawn.conclusion().summary())
                .startsWith("Asked \"what is going on?\": the question names no fault kind, so every kind was checked.")
                .contains("CRASH observed: the container is exited with exit code 3 (F1, F2).")
                .contains("UNHEALTHY observed: the container is exited, not running (F1).")
                .doesNotContain("OOM_KILLED observed");
        assertThat(drawn.citations()).extracting(Citation::ref).containsExactly("F1", "F2");
    }

    @Test
    void shouldSayWhatIsMissingInsteadOfCallingAnUnreadTargetHealthy() {
        calls.add(new ToolCall("inspect", "checkout-1", 3000, "no answer before the investigation's deadline"));

        Conclusions.Drawn drawn = draw("why is checkout slow?");

        assertThat(drawn.conclusion().summary()).contains("Nothing could be observed about checkout (container "
                + "checkout-1) (inspect: no answer before the investigation's deadline), so no fault kind can be "
                + "shown or ruled out.").doesNotContain("healthy");
        assertThat(drawn.citations()).isEmpty();
    }

    @Test
    void shouldSayWhyAKeyFigureIsMissing() {
        healthyRunning();
        calls.set(3, new ToolCall("stats", "checkout-1", 2750, "no answer before the investigation's deadline"));
        calls.remove(2);

        String summary = draw("is it ok?").conclusion().summary();

        assertThat(summary).contains("memory not read (no answer before the investigation's deadline)")
                .contains("CPU not read (no answer before the investigation's deadline)")
                .contains("no health probe (no usable aegis.health-url label)");
    }

    @Test
    void shouldJudgeARestartAsOfTheQuestion() {
        fact(FactNames.STATE, "State: running", "running")
                .fact(FactNames.STARTED_AT, "Started at …", ASKED_AT.minusSeconds(2).toString());

        Finding crash = draw("did it restart?").conclusion().findings().get(0);

        assertThat(crash.kind()).isEqualTo(AlertType.CRASH);
        assertThat(crash.observed()).isTrue();
        assertThat(crash.reason())
                .contains("within the restart tolerance (5 s) before the question at 2026-12-01T12:00:00Z");
    }
}
