package io.aegisops.approval.service;

import io.aegisops.contract.Action;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.util.Set;

/** Timeouts, the actions a human may substitute, and the policy matrix this service assumes. */
@ConfigMapping(prefix = "aegis.approval")
public interface ApprovalConfig {

    /** T1: an approval still open after this is escalated (louder reminder) but stays decidable. */
    @WithDefault("5m")
    Duration escalateAfter();

    /** T2: an approval still open after this expires: decision EXPIRE, no action, remediation escalates. */
    @WithDefault("30m")
    Duration expireAfter();

    /** How often open approvals are checked against T1 and T2; the timeouts are only as precise as this. */
    @WithDefault("10s")
    Duration checkInterval();

    /** Approvals escalated or expired per transaction of the timeout job. */
    @WithDefault("50")
    @Min(1)
    @Max(1000)
    int timeoutBatchSize();

    /**
     * Actions a human may choose instead of the proposed one (OVERRIDE, REQUEST_CHANGES). Only those the
     * Docker executor can perform; remediation still applies its safety rules to whatever is chosen.
     */
    @WithDefault("RESTART,STOP,START")
    Set<Action> overrideActions();

    Policy policy();

    /**
     * The decision matrix as remediation-service enforces it ({@code aegis.remediation.*}). This service does
     * not enforce it; it shows it to people at {@code GET /api/policy}, so keep the two in step.
     */
    interface Policy {
        /** May run without a human (still subject to confidence, target policy, budget and safety). */
        @WithDefault("RESTART,START")
        Set<Action> autoActions();

        /** Always need a human; wins over {@link #autoActions()}. */
        @WithDefault("STOP,ROLLBACK,SCALE_UP")
        Set<Action> approvalActions();

        /** At or above: an auto action runs without a human. */
        @WithDefault("0.85")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double actConfidence();

        /** Below: nobody is asked, the incident is escalated. */
        @WithDefault("0.50")
        @DecimalMin("0.0")
        @DecimalMax("1.0")
        double escalateBelow();
    }
}
