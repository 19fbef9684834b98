package io.aegisops.monitor.investigation;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Makes the one {@link Corroborator} of the service, from the configured thresholds, so incident investigations and
 * on-demand questions are judged by the same rules; the class itself stays free of CDI so tests build it directly.
 */
public class CorroboratorProducer {

    @Produces
    @Singleton
    Corroborator corroborator(InvestigationConfig config) {
        return new Corroborator(Thresholds.of(config));
    }
}
