package io.aegisops.approval.slack;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Optional;

/**
 * Which way messages go, decided once from {@link SlackConfig}: the Web API when a bot token and a channel are
 * set (threads, buttons, updates in place), else the incoming webhook, else the log. Invalid URLs stop the
 * service at start-up instead of failing every message later; the messages name the setting, never its value.
 */
@ApplicationScoped
public class SlackMode {

    private static final Logger LOG = Logger.getLogger(SlackMode.class);

    /** The three ways out. */
    public enum Way {
        API("api"),
        WEBHOOK("webhook"),
        LOG("log");

        public final String label;

        Way(String label) {
            this.label = label;
        }
    }

    private final SlackConfig config;
    private final Way way;

    public SlackMode(SlackConfig config) {
        this.config = config;
        requireHttpUrl(Optional.of(config.apiUrl()), "aegis.slack.api-url (SLACK_API_URL)");
        requireHttpUrl(config.webhookUrl(), "aegis.slack.webhook-url (SLACK_WEBHOOK_URL)");
        requireHttpUrl(Optional.of(config.dashboardUrl()), "aegis.slack.dashboard-url (AEGIS_DASHBOARD_URL)");
        if (present(config.botToken()) && present(config.channel())) {
            way = Way.API;
        } else if (present(config.webhookUrl())) {
            way = Way.WEBHOOK;
        } else {
            way = Way.LOG;
        }
    }

    void announce(@Observes StartupEvent event) {
        if (present(config.botToken()) && !present(config.channel())) {
            LOG.warn("SLACK_BOT_TOKEN is set but SLACK_CHANNEL is not: the Web API cannot be used");
        }
        switch (way) {
            case API -> LOG.infof("Slack notifications go through chat.postMessage to channel %s, threaded per incident",
                    config.channel().orElseThrow());
            case WEBHOOK -> LOG.info("Slack notifications go through the incoming webhook (no threads, no updates)");
            case LOG -> LOG.info("Slack is not configured: notifications are written to this log");
        }
        if (!interactive()) {
            LOG.info("SLACK_SIGNING_SECRET is not set: messages carry no Approve/Reject buttons");
        }
    }

    public Way way() {
        return way;
    }

    /** Buttons only when their clicks can be verified. */
    public boolean interactive() {
        return way != Way.LOG && present(config.signingSecret());
    }

    private static boolean present(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }

    private static void requireHttpUrl(Optional<String> value, String setting) {
        value.filter(v -> !v.isBlank()).ifPresent(v -> {
            try {
                URI uri = URI.create(v.trim());
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new IllegalArgumentException("not an http(s) URL");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(setting + " must be an http(s) URL with a host");
            }
        });
    }
}
