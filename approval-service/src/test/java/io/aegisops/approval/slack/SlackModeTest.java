package io.aegisops.approval.slack;

import io.aegisops.approval.support.TestSlackConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which way messages go for each combination of settings, and the start-up refusal of broken URLs. */
class SlackModeTest {

    private static final String WEBHOOK = "https://hooks.slack.com/services/T0/B0/secret-part-of-the-url";

    @Test
    void shouldUseTheWebApiWhenABotTokenAndAChannelAreSet() {
        SlackMode mode = new SlackMode(new TestSlackConfig(WEBHOOK, "xoxb-1", "#ops", "s3cr3t-signing", "https://slack.com/api"));

        assertThat(mode.way()).isEqualTo(SlackMode.Way.API);
        assertThat(mode.interactive()).isTrue();
    }

    @Test
    void shouldFallBackToTheWebhookWithoutAChannelAndOfferNoButtonsWithoutASigningSecret() {
        SlackMode mode = new SlackMode(new TestSlackConfig(WEBHOOK, "xoxb-1", null, null, "https://slack.com/api"));

        assertThat(mode.way()).isEqualTo(SlackMode.Way.WEBHOOK);
        assertThat(mode.interactive()).isFalse();
    }

    @Test
    void shouldLogWhenNothingIsConfigured() {
        SlackMode mode = new SlackMode(TestSlackConfig.none());

        assertThat(mode.way()).isEqualTo(SlackMode.Way.LOG);
        assertThat(mode.interactive()).isFalse();
    }

    @Test
    void shouldRefuseAWebhookThatIsNotAUrlWithoutQuotingIt() {
        assertThatThrownBy(() -> new SlackMode(new TestSlackConfig("hooks.slack.com/secret-part", null, null, null,
                "https://slack.com/api")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SLACK_WEBHOOK_URL")
                .hasMessageNotContaining("secret-part");
    }
}
