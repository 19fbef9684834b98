package io.aegisops.approval.slack;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Scrubs the Slack secrets from any text before it is logged or stored: exception messages of HTTP clients
 * may quote the URL they called, and the webhook URL is itself a credential.
 */
@ApplicationScoped
public class Redactor {

    static final String MASK = "[redacted]";
    /** Shorter values would mask innocent text; real tokens and URLs are far longer. */
    private static final int MIN_SECRET = 8;

    private final List<String> secrets;

    @Inject
    public Redactor(SlackConfig config) {
        this(Stream.of(config.webhookUrl(), config.botToken(), config.signingSecret())
                .flatMap(Optional::stream).map(String::trim).toList());
    }

    Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s.length() >= MIN_SECRET).toList();
    }

    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String clean = text;
        for (String secret : secrets) {
            clean = clean.replace(secret, MASK);
        }
        return clean;
    }
}
