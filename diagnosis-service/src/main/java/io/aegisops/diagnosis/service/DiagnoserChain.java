package io.aegisops.diagnosis.service;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * Asks the {@link Diagnoser}s in priority order and takes the first conclusion. A diagnoser that throws is
 * treated like one that cannot conclude, so a flaky model service degrades to the rules instead of
 * dead-lettering the incident's alerts.
 */
@ApplicationScoped
public class DiagnoserChain {

    private static final Logger LOG = Logger.getLogger(DiagnoserChain.class);

    private final List<Diagnoser> diagnosers;

    /** @param diagnosers highest priority first (ArC sorts {@code @All} lists by priority) */
    public DiagnoserChain(@All List<Diagnoser> diagnosers) {
        if (diagnosers.isEmpty()) {
            throw new IllegalStateException("no Diagnoser bean: the rules diagnoser must always be present");
        }
        this.diagnosers = List.copyOf(diagnosers);
    }

    public ProposedDiagnosis diagnose(DiagnosisInput input) {
        for (Diagnoser diagnoser : diagnosers) {
            try {
                Optional<ProposedDiagnosis> proposal = diagnoser.diagnose(input);
                if (proposal.isPresent()) {
                    return proposal.get();
                }
                LOG.debugf("Diagnoser %s did not conclude for incident %s", diagnoser.engine(), input.incident().id());
            } catch (RuntimeException e) {
                LOG.warnf(e, "Diagnoser %s failed for incident %s; asking the next one", diagnoser.engine(),
                        input.incident().id());
            }
        }
        throw new IllegalStateException("no diagnoser concluded for incident " + input.incident().id()
                + " (asked " + engines() + "); the rules file needs a catch-all rule");
    }

    /** The engines in the order they are asked. */
    public List<String> engines() {
        return diagnosers.stream().map(Diagnoser::engine).toList();
    }
}
