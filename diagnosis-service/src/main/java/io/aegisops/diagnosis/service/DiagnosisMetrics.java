package io.aegisops.diagnosis.service;

import io.aegisops.contract.Diagnosis;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/**
 * Counts issued diagnoses by rule, action and engine ({@code aegis_diagnoses_total} on {@code /q/metrics}),
 * which shows which rules fire in practice and how often the engine escalates.
 */
@ApplicationScoped
public class DiagnosisMetrics {

    static final String COUNTER = "aegis.diagnoses";
    private static final Logger LOG = Logger.getLogger(DiagnosisMetrics.class);

    private final MeterRegistry registry;

    public DiagnosisMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void issued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DiagnosisIssued issued) {
        Diagnosis d = issued.diagnosis();
        registry.counter(COUNTER, "rule", d.ruleId() == null ? "none" : d.ruleId(), "action", d.action().name(),
                "engine", d.engine()).increment();
        LOG.infof("Incident %s diagnosed (revision %d, %s rule %s): %s → %s at confidence %.2f", d.incidentId(),
                d.revision(), d.engine(), d.ruleId(), d.rootCause(), d.action(), d.confidence());
    }
}
