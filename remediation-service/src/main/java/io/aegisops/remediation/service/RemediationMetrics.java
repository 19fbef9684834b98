package io.aegisops.remediation.service;

import io.aegisops.contract.Action;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Locale;

/**
 * The service's meters in one place, so names and tags stay consistent: decisions by outcome, actions by type and
 * outcome, and how long actions and verifications take (the MTTR parts remediation controls).
 */
@ApplicationScoped
public class RemediationMetrics {

    private final MeterRegistry registry;

    public RemediationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** outcome: act, ask, escalate, no_action. */
    public void decided(String outcome) {
        registry.counter("aegis.remediation.decisions", "outcome", outcome).increment();
    }

    /** outcome: resolved, failed, refused. */
    public void actionFinished(Action action, String outcome) {
        registry.counter("aegis.remediation.actions", "action", tag(action), "outcome", outcome).increment();
    }

    public void actionTook(Action action, Duration duration) {
        Timer.builder("aegis.remediation.action.duration").tag("action", tag(action))
                .description("Time the engine took to carry out an action").register(registry).record(duration);
    }

    public void verificationTook(Action action, boolean healthy, Duration duration) {
        Timer.builder("aegis.remediation.verification.duration").tag("action", tag(action))
                .tag("healthy", Boolean.toString(healthy))
                .description("Time from the end of an action until it was verified or given up").register(registry)
                .record(duration);
    }

    private static String tag(Action action) {
        return action == null ? "none" : action.name().toLowerCase(Locale.ROOT);
    }
}
