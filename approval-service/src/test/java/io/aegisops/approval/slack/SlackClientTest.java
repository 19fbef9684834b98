package io.aegisops.approval.slack;

import io.aegisops.approval.support.SlackStandIn;
import io.aegisops.approval.support.TestSlackConfig;
import io.aegisops.slackstandin.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three Slack calls against the stand-in, without Quarkus: what is sent, and how every kind of answer is
 * classified (delivered, worth a retry, refused for good) without a secret in any error.
 */
class SlackClientTest {

    private static final String BLOCKS = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"hi\"}}]";
    private static final SlackStandIn STAND_IN = new SlackStandIn();
    private static Map<String, String> urls;

    @BeforeAll
    static void start() {
        urls = STAND_IN.start();
    }

    @AfterAll
    static void stop() {
        STAND_IN.stop();
    }

    private static SlackClient client(String token) {
        TestSlackConfig config = new TestSlackConfig(urls.get("aegis.slack.webhook-url"), token,
                SlackStandIn.CHANNEL_NAME, SlackStandIn.SIGNING_SECRET, urls.get("aegis.slack.api-url"));
        return new SlackClient(config, new Redactor(config));
    }

    private static String unique() {
        return "msg-" + UUID.randomUUID();
    }

    @Test
    void shouldPostToTheWebhookWithoutTheToken() {
        String text = unique();

        DeliveryResult result = client(SlackStandIn.TOKEN).webhook(text, BLOCKS);

        assertThat(result.isDelivered()).isTrue();
        List<SlackStandIn.Received> sent = STAND_IN.received(r -> r.mentions(text));
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.isWebhook()).isTrue();
            assertThat(r.authorization()).isNull();
            assertThat(r.json().path("text").asText()).isEqualTo(text);
            assertThat(r.json().path("blocks").get(0).path("type").asText()).isEqualTo("section");
        });
    }

    @Test
    void shouldPostAThreadReplyWithTheBearerTokenAndReadWhereSlackPutIt() {
        String text = unique();

        DeliveryResult result = client(SlackStandIn.TOKEN).postMessage("#ops", text, BLOCKS, "1700000000.000001", true);

        assertThat(result.isDelivered()).isTrue();
        assertThat(result.channel()).isEqualTo(SlackStandIn.CHANNEL_ID);
        assertThat(result.ts()).startsWith("1700000000.");
        SlackStandIn.Received sent = STAND_IN.received(r -> r.mentions(text)).get(0);
        assertThat(sent.isPost()).isTrue();
        assertThat(sent.authorization()).isEqualTo("Bearer " + SlackStandIn.TOKEN);
        assertThat(sent.json().path("channel").asText()).isEqualTo("#ops");
        assertThat(sent.json().path("thread_ts").asText()).isEqualTo("1700000000.000001");
        assertThat(sent.json().path("reply_broadcast").asBoolean()).isTrue();
    }

    @Test
    void shouldUpdateAMessageInPlace() {
        String text = unique();

        DeliveryResult result = client(SlackStandIn.TOKEN).update(SlackStandIn.CHANNEL_ID, "1700000000.000042", text,
                BLOCKS);

        assertThat(result.isDelivered()).isTrue();
        assertThat(result.ts()).isEqualTo("1700000000.000042");
        assertThat(STAND_IN.received(r -> r.mentions(text))).singleElement()
                .satisfies(r -> assertThat(r.isUpdate()).isTrue());
    }

    @Test
    void shouldFailForGoodWhenSlackRefusesTheToken() {
        DeliveryResult result = client("xoxb-revoked-token-000000").postMessage("#ops", unique(), BLOCKS, null, false);

        assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED);
        assertThat(result.error()).isEqualTo("Slack error invalid_auth");
    }

    @Test
    void shouldRetryA429AfterWhatRetryAfterSays() {
        String text = unique();
        STAND_IN.answer(r -> r.mentions(text), 1, Reply.tooManyRequests(7));

        DeliveryResult result = client(SlackStandIn.TOKEN).postMessage("#ops", text, BLOCKS, null, false);

        assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void shouldRetryServerErrorsAndSlacksOwnTransientErrorsButNotClientErrors() {
        String broken = unique();
        String internal = unique();
        String gone = unique();
        STAND_IN.answer(r -> r.mentions(broken), 1, Reply.status(503));
        STAND_IN.answer(r -> r.mentions(internal), 1, new Reply(200, Map.of(),
                "{\"ok\":false,\"error\":\"internal_error\"}"));
        STAND_IN.answer(r -> r.mentions(gone), 1, new Reply(404, Map.of(), "no_service"));
        SlackClient client = client(SlackStandIn.TOKEN);

        assertThat(client.postMessage("#ops", broken, BLOCKS, null, false))
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY))
                .satisfies(r -> assertThat(r.error()).startsWith("HTTP 503"));
        assertThat(client.postMessage("#ops", internal, BLOCKS, null, false).outcome())
                .isEqualTo(DeliveryResult.Outcome.RETRY);
        assertThat(client.webhook(gone, BLOCKS))
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.FAILED))
                .satisfies(r -> assertThat(r.error()).isEqualTo("HTTP 404: no_service"));
    }

    @Test
    void shouldRetryWhenSlackCannotBeReachedWithoutNamingTheWebhook() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String webhook = "http://127.0.0.1:" + closedPort + "/services/T0/B0/very-secret-webhook-path";
        TestSlackConfig config = new TestSlackConfig(webhook, null, null, null, "https://slack.com/api");

        DeliveryResult result = new SlackClient(config, new Redactor(config)).webhook("hello", BLOCKS);

        assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
        assertThat(result.error()).startsWith("network error").doesNotContain("very-secret-webhook-path");
    }
}
