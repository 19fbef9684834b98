package io.aegisops.diagnosis.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.nio.file.Path;
import java.util.Optional;

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
}
