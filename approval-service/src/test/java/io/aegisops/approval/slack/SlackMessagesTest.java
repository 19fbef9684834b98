package io.aegisops.approval.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.approval.domain.NotificationStage;
import io.aegisops.approval.support.TestEvents;
import io.aegisops.contract.Action;
import io.aegisops.contract.Citation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The Block Kit rendering: what a message shows, its buttons, and that alert text cannot break out of it. */
class SlackMessagesTest {

    private final SlackMessages messages = new SlackMessages("http://dash.example:8080/");
    private final UUID incident = UUID.randomUUID();
    private final UUID approval = UUID.randomUUID();

    private Notice notice(String detail, boolean loud) {
        return notice(detail, loud, List.of());
    }

    private Notice notice(String detail, boolean loud, List<Citation> citations) {
        return new Notice(NotificationStage.AWAITING_APPROVAL, incident, "Approval needed: RESTART on checkout-1",
                detail, "checkout", "requests wait on a lock", Action.RESTART, 0.7, approval, loud, citations);
    }

    /** The texts of the "Cites:" context block, without its label; empty when there is none. */
    private static List<String> cites(SlackMessages.Rendered rendered) {
        for (JsonNode block : rendered.blocks()) {
            JsonNode elements = block.path("elements");
            if ("context".equals(block.path("type").asText())
                    && "*Cites:*".equals(elements.path(0).path("text").asText())) {
                return elements.findValuesAsText("text").subList(1, elements.size());
            }
        }
        return List.of();
    }

    private static JsonNode block(SlackMessages.Rendered rendered, String type) {
        for (JsonNode block : rendered.blocks()) {
            if (type.equals(block.path("type").asText())) {
                return block;
            }
        }
        return null;
    }

    @Test
    void shouldShowIncidentServiceRootCauseActionConfidenceAndALinkToTheDashboard() {
        SlackMessages.Rendered rendered = messages.render(notice("Why a human: confidence 0.70", false), true);

        assertThat(block(rendered, "header").path("text").path("text").asText())
                .isEqualTo(":raised_hand: Approval needed: RESTART on checkout-1");
        assertThat(block(rendered, "section").path("text").path("text").asText())
                .isEqualTo("Why a human: confidence 0.70");
        assertThat(rendered.blocks().findValuesAsText("text")).contains("*Incident*\n`" + incident + "`",
                "*Service*\ncheckout", "*Root cause*\nrequests wait on a lock", "*Action*\nRESTART",
                "*Confidence*\n0.70",
                "<http://dash.example:8080/incidents/" + incident + "|Open incident in the AegisOps dashboard>");
        assertThat(rendered.text()).startsWith("[AegisOps] Approval needed: RESTART on checkout-1")
                .contains("incident " + incident).contains("confidence 0.70");
    }

    @Test
    void shouldCarryApproveAndRejectButtonsWhoseValueIsTheApproval() {
        JsonNode actions = block(messages.render(notice(null, false), true), "actions");

        assertThat(actions.path("elements").findValuesAsText("action_id"))
                .containsExactly(SlackMessages.APPROVE, SlackMessages.REJECT);
        assertThat(actions.path("elements").findValuesAsText("value"))
                .containsExactly(approval.toString(), approval.toString());
        assertThat(block(messages.render(notice(null, false), false), "actions")).isNull();
    }

    @Test
    void shouldMakeEscalationsLoud() {
        SlackMessages.Rendered rendered = messages.render(notice(null, true), true);

        assertThat(rendered.text()).startsWith("<!here> ESCALATION: ");
        assertThat(block(rendered, "header").path("text").path("text").asText()).startsWith("ESCALATION: ");
    }

    @Test
    void shouldEscapeAlertTextSoItCannotMentionEveryoneOrForgeLinks() {
        SlackMessages.Rendered rendered = messages.render(
                notice("payload <!channel> & <http://evil.example|click here>", false), false);

        assertThat(block(rendered, "section").path("text").path("text").asText())
                .isEqualTo("payload &lt;!channel&gt; &amp; &lt;http://evil.example|click here&gt;");
        assertThat(rendered.text()).doesNotContain("<!channel>");
    }

    @Test
    void shouldKeepWithinSlacksLimits() {
        String huge = "x".repeat(10_000);
        Notice notice = new Notice(NotificationStage.DIAGNOSED, incident, huge, huge, "checkout", huge, null, null,
                null, false, List.of(new Citation(Citation.Kind.RUNBOOK, huge, huge, huge)));

        SlackMessages.Rendered rendered = messages.render(notice, false);

        assertThat(block(rendered, "header").path("text").path("text").asText()).hasSizeLessThanOrEqualTo(150);
        assertThat(block(rendered, "section").path("text").path("text").asText()).hasSizeLessThanOrEqualTo(3000);
        assertThat(rendered.blocks().findValuesAsText("text")).allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(3000));
        assertThat(rendered.text()).hasSizeLessThanOrEqualTo(3000);
        assertThat(rendered.blocks().findValuesAsText("text")).contains("*Action*\n—", "*Confidence*\n—");
        assertThat(cites(rendered)).singleElement().satisfies(t -> assertThat(t).hasSizeLessThanOrEqualTo(200));
    }

    @Test
    void shouldCiteTheFactsTheRunbookSectionsAndALinkToTheSimilarIncidentInTheDashboard() {
        UUID past = UUID.randomUUID();

        SlackMessages.Rendered rendered = messages.render(notice(null, false, TestEvents.citations(past.toString())),
                true);

        assertThat(cites(rendered)).containsExactly("F2 oomKilled (engine.inspect)", ":book: OOM killed — Verify",
                "<http://dash.example:8080/incidents/" + past + "|similar incident " + past.toString().substring(0, 8)
                        + "> heap exhausted by a leak");
        assertThat(rendered.text()).contains(" | cites F2, runbook OOM killed — Verify, similar incident "
                + past.toString().substring(0, 8));
        assertThat(cites(messages.render(notice(null, false), true))).isEmpty();
        assertThat(messages.render(notice(null, false), true).text()).doesNotContain("cites");
    }

    @Test
    void shouldEscapeCitationsSoTheyCannotMentionEveryoneOrForgeLinks() {
        String evil = "<!channel> & <http://evil.example|click here>";
        List<Citation> citations = List.of(new Citation(Citation.Kind.FACT, "F1", evil, evil),
                new Citation(Citation.Kind.RUNBOOK, "r", evil, evil),
                new Citation(Citation.Kind.INCIDENT, "http://evil.example|similar incident", evil, evil));

        SlackMessages.Rendered rendered = messages.render(notice(null, false, citations), true);

        String escaped = "&lt;!channel&gt; &amp; &lt;http://evil.example|click here&gt;";
        assertThat(cites(rendered)).containsExactly("F1 " + escaped, ":book: " + escaped,
                "similar incident http://evil.example|similar incident " + escaped);
        assertThat(String.join("", cites(rendered))).doesNotContain("<");
        assertThat(rendered.text()).doesNotContain("<!channel>").doesNotContain("<http://evil");
    }

    @Test
    void shouldShowAtMostSixCitations() {
        List<Citation> facts = IntStream.rangeClosed(1, 8)
                .mapToObj(i -> new Citation(Citation.Kind.FACT, "F" + i, "fact " + i, "")).toList();

        SlackMessages.Rendered rendered = messages.render(notice(null, false, facts), true);

        assertThat(cites(rendered)).hasSize(7).startsWith("F1 fact 1").endsWith("F6 fact 6", "+2 more");
        assertThat(rendered.text()).contains("cites F1, F2, F3, F4, F5, F6").doesNotContain("F7");
    }
}
