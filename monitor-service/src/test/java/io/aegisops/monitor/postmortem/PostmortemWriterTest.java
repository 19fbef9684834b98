package io.aegisops.monitor.postmortem;

import com.fasterxml.jackson.databind.node.BooleanNode;
import io.aegisops.contract.Action;
import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.Citation;
import io.aegisops.contract.Claim;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.Fact;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.Investigation;
import io.aegisops.contract.Severity;
import io.aegisops.monitor.postmortem.PostmortemInputs.SimilarIncident;
import io.aegisops.monitor.service.IncidentDetails.Transition;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.aegisops.contract.IncidentStatus.AWAITING_APPROVAL;
import static io.aegisops.contract.IncidentStatus.DIAGNOSED;
import static io.aegisops.contract.IncidentStatus.OPEN;
import static io.aegisops.contract.IncidentStatus.REMEDIATING;
import static io.aegisops.contract.IncidentStatus.RESOLVED;
import static io.aegisops.contract.IncidentStatus.VERIFYING;
import static org.assertj.core.api.Assertions.assertThat;

/** The postmortem as text: every section, the figures, "n/a" for steps never reached, and inert untrusted text. */
class PostmortemWriterTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 21, 30, 0, 0, ZoneOffset.UTC);
    private static final String ID = "7d1f0c1e-0000-4000-8000-000000000001";
    private static final String EARLIER = "7d1f0c1e-0000-4000-8000-000000000002";
    private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");

    private static OffsetDateTime at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1_000_000_000L));
    }

    private static IncidentView incident(IncidentStatus status, String target) {
        return new IncidentView(ID, target, target, target + "-1", status, Severity.CRITICAL, List.of(AlertType.CRASH),
                1, T0, T0);
    }

    private static AlertView alert(String summary, OffsetDateTime observedAt) {
        return new AlertView("a-" + observedAt.toEpochSecond(), AlertType.CRASH, AlertSource.APP_WEBHOOK,
                Severity.CRITICAL, "firing", "checkout", null, summary, null, List.of(), "fp", observedAt, observedAt);
    }

    private static Diagnosis diagnosis() {
        return new Diagnosis("d-2", ID, 2, "checkout", "checkout", "checkout-1", List.of(AlertType.CRASH),
                "the process crashed on a bad config", Action.RESTART, 0.88, 0.9, List.of("exit 3"),
                "a restart clears a crash", "rules", "crash", at(2.5), true, "inv-1", List.of(
                new Citation(Citation.Kind.FACT, "F1", "state", "State: exited (exit code 3)"),
                new Citation(Citation.Kind.RUNBOOK, "crash#restart", "Crash runbook, Restart", "Restart once"),
                new Citation(Citation.Kind.INCIDENT, EARLIER, "the process crashed", "RESTART resolved it")));
    }

    private static Investigation investigation() {
        return new Investigation("inv-1", ID, "checkout", "checkout-1", "a-1",
                List.of(new Fact("F1", "state", "engine.inspect", "State: exited (exit code 3)",
                        BooleanNode.TRUE, at(0.6))),
                List.of(new Claim(AlertType.CRASH, "a-1", true, List.of("F1"), "the container exited with 3")),
                List.of(), at(0.5), at(0.7));
    }

    private static List<Transition> handledWithApproval() {
        return List.of(
                new Transition(null, OPEN, "monitor-service (app-webhook)", "CRASH from APP_WEBHOOK: exited", at(0.4)),
                new Transition(OPEN, DIAGNOSED, "diagnosis-service (rules)", "crashed → RESTART", at(2.5)),
                new Transition(DIAGNOSED, AWAITING_APPROVAL, "remediation-service (policy)", "RESTART: asks a human",
                        at(3.5)),
                new Transition(AWAITING_APPROVAL, AWAITING_APPROVAL, "alice", "approve → RESTART: looks right",
                        at(3.8)),
                new Transition(AWAITING_APPROVAL, REMEDIATING, "remediation-service (policy)", "RESTART: restarting",
                        at(4.0)),
                new Transition(REMEDIATING, VERIFYING, "remediation-service (verifier)", "RESTART: checking health",
                        at(6.0)),
                new Transition(VERIFYING, RESOLVED, "remediation-service (verifier)", "RESTART: healthy again",
                        at(9.5)));
    }

    private static PostmortemInputs resolvedWithApproval() {
        return new PostmortemInputs(incident(RESOLVED, "checkout"), at(0.4), at(9.5), handledWithApproval(),
                List.of(alert("exited with 3", T0)), 1, diagnosis(), investigation(), List.of(
                new SimilarIncident(EARLIER, T0.minusDays(1), RESOLVED, List.of(AlertType.CRASH, AlertType.UNHEALTHY),
                        Action.RESTART, "remediation-service (verifier)", "RESTART: healthy again")));
    }

    @Test
    void shouldWriteEverySectionInOrder() {
        String markdown = PostmortemWriter.write(resolvedWithApproval());

        List<String> headings = markdown.lines().filter(l -> l.startsWith("#")).toList();
        assertThat(headings).containsExactly("# Postmortem: checkout — CRASH", "## Summary", "## Timeline",
                "## Time to detect, diagnose, decide, act and resolve", "## Cause", "### Citations", "## Evidence",
                "### Alerts", "### Facts", "### Claims", "## Action and verification", "## Who decided what",
                "## Similar incidents");
        assertThat(markdown).contains("- **Target:** checkout", "- **Container:** checkout-1", "- **Status:** RESOLVED",
                "- **Severity:** CRITICAL", "- **Opened:** 2026-12-01 21:30:00.400Z",
                "- **Closed:** 2026-12-01 21:30:09.500Z");
    }

    @Test
    void shouldSummariseCauseActionAndClosingInOneParagraph() {
        String markdown = PostmortemWriter.write(resolvedWithApproval());

        assertThat(section(markdown, "## Summary")).isEqualTo("checkout raised 1 alert (CRASH) from "
                + "2026-12-01 21:30:00.000Z. Cause: the process crashed on a bad config (corroborated by AegisOps' own "
                + "observations, confidence 0.88). Action: RESTART. It closed as RESOLVED at 2026-12-01 21:30:09.500Z, "
                + "9.5 s after the first alert, by remediation-service (verifier): RESTART: healthy again.");
    }

    @Test
    void shouldListEveryTransitionAndNoteInTheTimeline() {
        String timeline = section(PostmortemWriter.write(resolvedWithApproval()), "## Timeline");

        assertThat(timeline.lines()).hasSize(2 + 7)
                .contains("| 2026-12-01 21:30:00.400Z | → OPEN | monitor-service (app-webhook) | "
                        + "CRASH from APP_WEBHOOK: exited |")
                .contains("| 2026-12-01 21:30:03.800Z | note while AWAITING_APPROVAL | alice | "
                        + "approve → RESTART: looks right |")
                .contains("| 2026-12-01 21:30:09.500Z | VERIFYING → RESOLVED | remediation-service (verifier) | "
                        + "RESTART: healthy again |");
    }

    @Test
    void shouldMeasureEveryStepFromTheFirstAlert() {
        String durations = section(PostmortemWriter.write(resolvedWithApproval()),
                "## Time to detect, diagnose, decide, act and resolve");

        assertThat(durations).contains("Seconds from the first alert's observation (2026-12-01 21:30:00.000Z).",
                "| Detect | incident opened | 2026-12-01 21:30:00.400Z | 0.4 |",
                "| Diagnose | first DIAGNOSED | 2026-12-01 21:30:02.500Z | 2.5 |",
                "| Decide | first AWAITING_APPROVAL or REMEDIATING | 2026-12-01 21:30:03.500Z | 3.5 |",
                "| Act | first REMEDIATING | 2026-12-01 21:30:04.000Z | 4.0 |",
                "| Resolve | RESOLVED or REJECTED | 2026-12-01 21:30:09.500Z | 9.5 |");
    }

    @Test
    void shouldShowTheDiagnosisWithItsCitations() {
        String markdown = PostmortemWriter.write(resolvedWithApproval());

        assertThat(section(markdown, "## Cause").lines()).containsExactly(
                "- **Root cause:** the process crashed on a bad config", "- **Action:** RESTART",
                "- **Confidence:** 0.88 (base 0.90)", "- **Engine / rule:** rules / crash", "- **Corroborated:** yes",
                "- **Revision:** 2, diagnosed 2026-12-01 21:30:02.500Z",
                "- **Justification:** a restart clears a crash");
        assertThat(section(markdown, "### Citations")).contains(
                "| FACT | F1 | state | State: exited (exit code 3) |",
                "| RUNBOOK | crash#restart | Crash runbook, Restart | Restart once |",
                "| INCIDENT | " + EARLIER + " | the process crashed | RESTART resolved it |");
    }

    @Test
    void shouldShowAlertsFactsAndClaimsAsEvidence() {
        String markdown = PostmortemWriter.write(resolvedWithApproval());

        assertThat(section(markdown, "### Alerts")).contains("1 alert.",
                "| 2026-12-01 21:30:00.000Z | CRASH | APP_WEBHOOK | exited with 3 |");
        assertThat(section(markdown, "### Facts")).contains(
                "Observed by monitor-service itself (investigation inv-1, completed 2026-12-01 21:30:00.700Z).",
                "| F1 | engine.inspect | State: exited (exit code 3) |");
        assertThat(section(markdown, "### Claims")).contains("| CRASH | yes | F1 | the container exited with 3 |");
    }

    @Test
    void shouldListRemediationStepsAndWhatPeopleDecided() {
        String markdown = PostmortemWriter.write(resolvedWithApproval());

        assertThat(section(markdown, "## Action and verification").lines()).containsExactly(
                "- 2026-12-01 21:30:03.500Z (DIAGNOSED → AWAITING_APPROVAL) **remediation-service (policy)**: "
                        + "RESTART: asks a human",
                "- 2026-12-01 21:30:04.000Z (AWAITING_APPROVAL → REMEDIATING) **remediation-service (policy)**: "
                        + "RESTART: restarting",
                "- 2026-12-01 21:30:06.000Z (REMEDIATING → VERIFYING) **remediation-service (verifier)**: "
                        + "RESTART: checking health",
                "- 2026-12-01 21:30:09.500Z (VERIFYING → RESOLVED) **remediation-service (verifier)**: "
                        + "RESTART: healthy again");
        assertThat(section(markdown, "## Who decided what").lines()).containsExactly(
                "- 2026-12-01 21:30:03.800Z (note while AWAITING_APPROVAL) **alice**: "
                        + "approve → RESTART: looks right");
    }

    @Test
    void shouldCompareWithEarlierIncidentsOfTheTarget() {
        String similar = section(PostmortemWriter.write(resolvedWithApproval()), "## Similar incidents");

        assertThat(similar).contains("| " + EARLIER + " | 2026-11-30 21:30:00.000Z | RESOLVED | CRASH, UNHEALTHY | "
                + "RESTART | remediation-service (verifier): RESTART: healthy again |");
    }

    @Test
    void shouldSayNotApplicableAndNoneWhereNothingHappened() {
        List<Transition> byHand = List.of(
                new Transition(null, OPEN, "monitor-service (app-webhook)", "CRASH from APP_WEBHOOK: exited", at(0.4)),
                new Transition(OPEN, RESOLVED, "bob", "fixed outside AegisOps", at(30)));
        String markdown = PostmortemWriter.write(new PostmortemInputs(incident(RESOLVED, "checkout"), at(0.4), at(30),
                byHand, List.of(alert("exited with 3", T0)), 1, null, null, List.of()));

        assertThat(section(markdown, "## Time to detect, diagnose, decide, act and resolve")).contains(
                "| Detect | incident opened | 2026-12-01 21:30:00.400Z | 0.4 |",
                "| Diagnose | first DIAGNOSED | n/a | n/a |",
                "| Decide | first AWAITING_APPROVAL or REMEDIATING | n/a | n/a |",
                "| Act | first REMEDIATING | n/a | n/a |",
                "| Resolve | RESOLVED or REJECTED | 2026-12-01 21:30:30.000Z | 30.0 |");
        assertThat(section(markdown, "## Summary")).contains("Cause: unknown, no diagnosis was received. "
                + "Action: none diagnosed.", "30.0 s after the first alert, by bob: fixed outside AegisOps.");
        assertThat(section(markdown, "## Cause")).isEqualTo("No diagnosis was received for this incident.");
        assertThat(section(markdown, "### Facts")).isEqualTo("No investigation completed for this incident.");
        assertThat(section(markdown, "## Action and verification")).isEqualTo("No remediation step was recorded.");
        assertThat(section(markdown, "## Who decided what"))
                .isEqualTo("- 2026-12-01 21:30:30.000Z (OPEN → RESOLVED) **bob**: fixed outside AegisOps");
        assertThat(section(markdown, "## Similar incidents"))
                .isEqualTo("None: no earlier closed incident of checkout.");
    }

    @Test
    void shouldShowTheFirstAlertsOfAStormAndHowManyThereWere() {
        List<AlertView> first = IntStream.range(0, 20).mapToObj(i -> alert("crash " + i, at(i))).toList();
        String markdown = PostmortemWriter.write(new PostmortemInputs(incident(RESOLVED, "checkout"), at(0.4), at(30),
                List.of(), first, 350, null, null, List.of()));

        String alerts = section(markdown, "### Alerts");
        assertThat(alerts).startsWith("The first 20 of 350 alerts.");
        assertThat(alerts.lines().filter(l -> l.startsWith("| 2026"))).hasSize(20);
    }

    @Test
    void shouldKeepUntrustedTextInertInTablesAndParagraphs() {
        String hostile = "<script>alert(1)</script> a|b\n# owned\r\n![x](http://evil.example/p.png) `code` & C:\\tmp";
        List<Transition> timeline = List.of(
                new Transition(null, OPEN, "monitor-service (app-webhook)", hostile, at(0.4)),
                new Transition(OPEN, RESOLVED, "eve|<img src=x>", hostile, at(1)));
        String markdown = PostmortemWriter.write(new PostmortemInputs(incident(RESOLVED, "check<out>"), at(0.4), at(1),
                timeline, List.of(alert(hostile, T0)), 1, null, null, List.of()));

        String inert = "&lt;script&gt;alert(1)&lt;/script&gt; a\\|b # owned !\\[x\\](http://evil.example/p.png) "
                + "\\`code\\` &amp; C:\\\\tmp";
        assertThat(markdown).doesNotContain("<script>", "<img", "\n# owned", "[x](", "check<out>")
                .contains("| 2026-12-01 21:30:00.000Z | CRASH | APP_WEBHOOK | " + inert + " |")
                .contains("# Postmortem: check&lt;out&gt; — CRASH")
                .contains("**eve\\|&lt;img src=x&gt;**: " + inert);
        // Every table row keeps its own columns: data adds no unescaped pipe.
        assertThat(section(markdown, "## Timeline").lines()).allSatisfy(row -> assertThat(pipes(row)).isEqualTo(5));
        assertThat(section(markdown, "### Alerts").lines().skip(2)).allSatisfy(row -> assertThat(pipes(row))
                .isEqualTo(5));
    }

    @Test
    void shouldTurnLineBreaksIntoSpacesAndEscapeMarkup() {
        assertThat(Markdown.text(null)).isEmpty();
        assertThat(Markdown.text(" one\n\ttwo\r\nthree ")).isEqualTo("one two three");
        assertThat(Markdown.text("a<b>&c|[d]`e`\\")).isEqualTo("a&lt;b&gt;&amp;c\\|\\[d\\]\\`e\\`\\\\");
    }

    private static long pipes(String row) {
        return UNESCAPED_PIPE.matcher(row).results().count();
    }

    /** The text under a heading, up to the next heading of any level, without surrounding blank lines. */
    private static String section(String markdown, String heading) {
        List<String> lines = Arrays.asList(markdown.split("\n", -1));
        int start = lines.indexOf(heading);
        assertThat(start).as("heading %s", heading).isNotNegative();
        StringBuilder body = new StringBuilder();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            body.append(line).append('\n');
        }
        return body.toString().strip();
    }
}
