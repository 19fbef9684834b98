package io.aegisops.approval.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.EventCodec;
import io.aegisops.slackstandin.Reply;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The shared Slack stand-in ({@code slack-standin} module, the same server the end-to-end stack runs as a
 * container) as a Quarkus test resource: started before Quarkus, which gets its URLs and the test credentials
 * as configuration. Adds parsed JSON bodies to what the stand-in recorded, for assertions on Block Kit.
 */
public class SlackStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "xoxb-stand-in-token-0123456789";
    public static final String SIGNING_SECRET = "stand-in-signing-secret-0123456789";
    public static final String CHANNEL_NAME = "#aegis-incidents";
    public static final String CHANNEL_ID = io.aegisops.slackstandin.SlackStandIn.CHANNEL_ID;
    /** A click's response_url lives under this path of the stand-in (Slack: https://hooks.slack.com/actions/…). */
    public static final String RESPONSE_PREFIX = io.aegisops.slackstandin.SlackStandIn.WEBHOOK_PREFIX + "actions/";
    public static final String WEBHOOK_PATH = io.aegisops.slackstandin.SlackStandIn.WEBHOOK_PREFIX
            + "T0AEGIS/B0AEGIS/stand-in-webhook-secret";

    /** One request as received. {@code json} is null for bodies that are not JSON. */
    public record Received(String path, String authorization, String body, JsonNode json, Instant at) {

        static Received of(io.aegisops.slackstandin.Received raw) {
            JsonNode json;
            try {
                json = EventCodec.mapper().readTree(raw.body());
            } catch (IOException e) {
                json = null;
            }
            return new Received(raw.path(), raw.authorization(), raw.body(), json, raw.at());
        }

        public boolean isPost() {
            return path.endsWith("/chat.postMessage");
        }

        public boolean isUpdate() {
            return path.endsWith("/chat.update");
        }

        public boolean isWebhook() {
            return path.equals(WEBHOOK_PATH);
        }

        public boolean mentions(Object text) {
            return body.contains(String.valueOf(text));
        }
    }

    private io.aegisops.slackstandin.SlackStandIn server;
    private boolean webhookOnly;

    /** Init arg {@code mode=webhook}: configure only the incoming webhook (no bot token, no signing secret). */
    @Override
    public void init(Map<String, String> initArgs) {
        webhookOnly = "webhook".equals(initArgs.get("mode"));
    }

    @Override
    public Map<String, String> start() {
        server = io.aegisops.slackstandin.SlackStandIn.start("127.0.0.1", 0, TOKEN);
        String base = server.url();
        if (webhookOnly) {
            return Map.of("aegis.slack.webhook-url", base + WEBHOOK_PATH,
                    "aegis.slack.dashboard-url", "http://dashboard.test:8080");
        }
        return Map.of(
                "aegis.slack.api-url", base + "/api",
                "aegis.slack.webhook-url", base + WEBHOOK_PATH,
                "aegis.slack.bot-token", TOKEN,
                "aegis.slack.signing-secret", SIGNING_SECRET,
                "aegis.slack.channel", CHANNEL_NAME,
                "aegis.slack.dashboard-url", "http://dashboard.test:8080",
                "aegis.slack.response-url-prefix", base + RESPONSE_PREFIX);
    }

    /** Where the stand-in listens: a click's {@code response_url} points under {@link #RESPONSE_PREFIX} here. */
    public String url() {
        return server.url();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this,
                new TestInjector.AnnotatedAndMatchesType(InjectSlackStandIn.class, SlackStandIn.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Answers the next {@code times} requests that match with {@code reply} instead of success. */
    public void answer(Predicate<Received> when, int times, Reply reply) {
        server.answer(raw -> when.test(Received.of(raw)), times, reply);
    }

    /** Every request received so far that matches, in arrival order. */
    public List<Received> received(Predicate<Received> which) {
        return server.received(raw -> true).stream().map(Received::of).filter(which).toList();
    }
}
