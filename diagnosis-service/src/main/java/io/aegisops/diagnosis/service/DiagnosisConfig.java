package io.aegisops.diagnosis.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.aegisops.contract.Action;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Tuning of diagnosis-service; every value has a default that suits the demo stack. */
@ConfigMapping(prefix = "aegis.diagnosis")
public interface DiagnosisConfig {

    /**
     * A rules file (YAML, or JSON if it ends in {@code .json}) that replaces the shipped
     * {@code diagnosis-rules.yaml}. An invalid file stops start-up with a message naming every problem.
     */
    Optional<Path> rulesFile();

    /**
     * Newest alerts kept per incident and alert type. Older ones add nothing a rule can use, and the bound
     * keeps an alert storm from growing the table and the work per diagnosis without limit.
     */
    @WithDefault("10")
    @Min(1)
    @Max(1000)
    int alertsPerType();

    /** Log lines of the deciding alert quoted in a diagnosis' evidence. */
    @WithDefault("5")
    @Min(0)
    @Max(50)
    int logLines();

    /**
     * The highest confidence a diagnosis may carry when the claim it acts on is not corroborated by facts AegisOps
     * observed itself. Below the remediation's act threshold (0.85) by default, so such a diagnosis always goes to a
     * human; remediation also refuses to act alone on an uncorroborated diagnosis whatever this value.
     */
    @WithDefault("0.80")
    @DecimalMin("0")
    @DecimalMax("1")
    double uncorroboratedCap();

    Learning learning();

    /**
     * How human decisions move a pattern's confidence: a Beta prior centred on the rule's confidence, worth
     * {@link #priorStrength()} decisions, updated by the approvals and rejections of the pattern.
     */
    interface Learning {
        /** Off: every diagnosis carries the rule's confidence; decisions are still recorded. */
        @WithDefault("true")
        boolean enabled();

        /** n0: how many decisions the rule's own confidence is worth. Higher = slower to move. */
        @WithDefault("10")
        @DecimalMin("1")
        @DecimalMax("10000")
        double priorStrength();

        /** k: below this many decisions on a pattern its confidence is not adjusted at all. */
        @WithDefault("3")
        @Min(1)
        @Max(10000)
        int minDecisions();

        /** Actions a human may name when requesting changes; another named action is ignored (and said so). */
        @WithDefault("RESTART,STOP,START")
        Set<Action> feedbackActions();
    }
}
