package io.aegisops.remediation.config;

import io.aegisops.contract.Action;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.Set;

/**
 * Every knob of the decision policy, the executor and the verifier in one typed mapping, so the policy table
 * in the README, the code and the operator's environment variables name the same keys and defaults.
 */
@ConfigMapping(prefix = "aegis.remediation")
public interface RemediationConfig {

    /** At or above this confidence an auto-eligible action on an {@code auto} target runs without a human. */
    @WithDefault("0.85")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double actConfidence();

    /** Below this confidence nobody is even asked: the incident is escalated. */
    @WithDefault("0.50")
    @DecimalMin("0.0")
    @DecimalMax("1.0")
    double escalateBelow();

    /** Actions that may run without a human (still subject to confidence, target policy, budget and safety). */
    @WithDefault("RESTART,START")
    Set<Action> autoActions();

    /** Actions that always need a human; wins over {@link #autoActions()} when an action is in both. */
    @WithDefault("STOP,ROLLBACK,SCALE_UP")
    Set<Action> approvalActions();

    /** Restart budget of a container without a valid {@code aegis.restart-budget} label. */
    @WithDefault("3/15m")
    String restartBudget();

    /** Graceful stop timeout of a container without a valid {@code aegis.stop-timeout} label. */
    @WithDefault("10s")
    Duration stopTimeout();

    Verify verify();

    Worker worker();

    Docker docker();

    /** How an action's effect is checked. */
    interface Verify {
        /** Give up and fail the remediation when the container is not healthy by then. */
        @WithDefault("60s")
        Duration deadline();

        /** First pause between two checks; doubled after each check up to {@link #maxBackoff()}. */
        @WithDefault("100ms")
        Duration initialBackoff();

        /**
         * Longest pause between two checks. Short on purpose: the pause is how late a recovered container is
         * noticed, which adds straight to the time to resolve, while a check (inspect + one GET) costs little.
         */
        @WithDefault("500ms")
        Duration maxBackoff();

        /** Budget of one GET of the health URL. */
        @WithDefault("2s")
        Duration probeTimeout();
    }

    /** The executor that runs committed intents off the Kafka consumer threads. */
    interface Worker {
        /** Actions (plus their verification) running at the same time, across all containers. */
        @WithDefault("4")
        @Min(1)
        @Max(64)
        int threads();

        /** Safety-net poll for intents whose commit-time wake-up was missed. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * How long a claimed action stays owned by this process without a renewal. A replica that dies
         * mid-action leaves it to the others (or to its own next start) once this has passed.
         */
        @WithDefault("30s")
        Duration lease();
    }

    /** The Docker engine. */
    interface Docker {
        /** Engine address; compose passes {@code DOCKER_HOST}. */
        @WithDefault("unix:///var/run/docker.sock")
        String host();

        /** Follow the engine's event stream to learn which containers an operator stopped on purpose. */
        @WithDefault("true")
        boolean watchEvents();

        /**
         * Slack when attributing a {@code kill}/{@code stop} event to one of our own actions: engine event
         * times and our timestamps come from the same host clock but are taken at slightly different moments.
         */
        @WithDefault("2s")
        Duration attributionSlack();

        /** On the first start (no event recorded yet) ask the engine for events this far back. */
        @WithDefault("1h")
        Duration initialLookback();
    }
}
