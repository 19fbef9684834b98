package io.aegisops.approval.support;

import io.aegisops.approval.slack.SlackConfig;

import java.time.Duration;
import java.util.Optional;

/** A {@link SlackConfig} for plain unit tests, with the defaults of the mapping unless stated. */
public record TestSlackConfig(String webhook, String token, String channelName, String secret, String api)
        implements SlackConfig {

    public static TestSlackConfig none() {
        return new TestSlackConfig(null, null, null, null, "https://slack.com/api");
    }

    @Override
    public Optional<String> webhookUrl() {
        return Optional.ofNullable(webhook);
    }

    @Override
    public Optional<String> botToken() {
        return Optional.ofNullable(token);
    }

    @Override
    public Optional<String> channel() {
        return Optional.ofNullable(channelName);
    }

    @Override
    public Optional<String> signingSecret() {
        return Optional.ofNullable(secret);
    }

    @Override
    public String apiUrl() {
        return api;
    }

    @Override
    public String dashboardUrl() {
        return "http://localhost:8080";
    }

    @Override
    public String responseUrlPrefix() {
        return "https://hooks.slack.com/";
    }

    @Override
    public Duration signatureMaxAge() {
        return Duration.ofMinutes(5);
    }

    @Override
    public Delivery delivery() {
        return new TestDelivery();
    }

    /** A named class: Quarkus indexes test classes, and refuses anonymous ones with validated methods. */
    static final class TestDelivery implements Delivery {
        @Override
        public int maxAttempts() {
            return 6;
        }

        @Override
        public Duration initialBackoff() {
            return Duration.ofSeconds(2);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofMinutes(5);
        }

        @Override
        public Duration maxRetryAfter() {
            return Duration.ofMinutes(15);
        }

        @Override
        public Duration requestTimeout() {
            return Duration.ofSeconds(2);
        }

        @Override
        public Duration pollInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration settleDelay() {
            return Duration.ZERO;
        }

        @Override
        public int batchSize() {
            return 50;
        }
    }
}
