package io.aegisops.approval.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.approval.domain.NotificationStage;
import io.aegisops.contract.Action;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Block Kit rendering: what a message shows, its buttons, and that alert text cannot break out of it. */
class SlackMessagesTest {

    private final SlackMessages messages = new SlackMessages("http://dash.example:8080/");
    private final UUID incident = UUID.randomUUID();
    private final UUID approval = UUID.randomUUID();

    private Notice notice(String detail, boolean loud) {
        return new Notice(NotificationStage.AWAITING_APPROVAL, incident, "Approval needed: RESTART on checkout-1",
                detail, "checkout", "requests wait on a lock", Action.RESTART, 0.7, approval, loud);
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
                null, false);

        SlackMessages.Rendered rendered = messages.render(notice, false);

        assertThat(block(rendered, "header").path("text").path("text").asText()).hasSizeLessThanOrEqualTo(150);
        assertThat(block(rendered, "section").path("text").path("text").asText()).hasSizeLessThanOrEqualTo(3000);
        assertThat(rendered.blocks().findValuesAsText("text")).allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(3000));
        assertThat(rendered.text()).hasSizeLessThanOrEqualTo(3000);
        assertThat(rendered.blocks().findValuesAsText("text")).contains("*Action*\n—", "*Confidence*\n—");
    }
}
