package io.aegisops.approval.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.Optional;

/**
 * How to reach Slack. Secrets (token, signing secret, webhook URL) come from the environment only
 * ({@code SLACK_*}, see application.properties) and are never logged. Nothing set: messages are logged.
 */
@ConfigMapping(prefix = "aegis.slack")
public interface SlackConfig {

    /** Incoming webhook ({@code SLACK_WEBHOOK_URL}): messages without threads or message updates. Secret. */
    Optional<String> webhookUrl();

    /** Bot token ({@code SLACK_BOT_TOKEN}, {@code xoxb-…}): chat.postMessage and chat.update. Secret. */
    Optional<String> botToken();

    /** Channel ID or name for chat.postMessage ({@code SLACK_CHANNEL}). Required with the bot token. */
    Optional<String> channel();

    /** Verifies that interactions come from Slack ({@code SLACK_SIGNING_SECRET}). Buttons need it. Secret. */
    Optional<String> signingSecret();

    /** Base of Slack's Web API ({@code SLACK_API_URL}); tests point it at a local stand-in. */
    @WithDefault("https://slack.com/api")
    String apiUrl();

    /** Where people open an incident ({@code AEGIS_DASHBOARD_URL}); messages link to {@code <url>/incidents/<id>}. */
    @WithDefault("http://localhost:8080")
    String dashboardUrl();

    /**
     * A click's {@code response_url} is only answered when it starts with this ({@code SLACK_RESPONSE_URL_PREFIX}):
     * the click is signed, but nothing AegisOps posts should go anywhere but back to Slack.
     */
    @WithDefault("https://hooks.slack.com/")
    String responseUrlPrefix();

    /** Interaction requests signed longer ago than this are refused (replay protection). */
    @WithDefault("5m")
    Duration signatureMaxAge();

    Delivery delivery();

    /** How the notification queue is drained. */
    interface Delivery {
        /** Attempts per notification before it is marked FAILED. */
        @WithDefault("6")
        @Min(1)
        @Max(50)
        int maxAttempts();

        /** Pause after the first failed attempt; doubled after each further one up to {@link #maxBackoff()}. */
        @WithDefault("2s")
        Duration initialBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        /** A Retry-After longer than this is cut to it, so one answer cannot park the queue for hours. */
        @WithDefault("15m")
        Duration maxRetryAfter();

        /** Budget of one HTTP call to Slack. */
        @WithDefault("5s")
        Duration requestTimeout();

        /** Safety-net poll of the queue (the sender is also woken after every commit that queues). */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * A notification waits this long before its first attempt, so events of one incident that arrive on
         * different topics a moment apart are still sent in the order they happened.
         */
        @WithDefault("2s")
        Duration settleDelay();

        /** Notifications sent per drain before the sender looks at the clock (pause) again. */
        @WithDefault("50")
        @Min(1)
        @Max(1000)
        int batchSize();
    }
}
