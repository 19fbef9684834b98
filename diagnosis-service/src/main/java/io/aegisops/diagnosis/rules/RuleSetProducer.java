package io.aegisops.diagnosis.rules;

import io.aegisops.diagnosis.service.DiagnosisConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads the rules once, at start-up: a broken rules file must stop the service with a message naming the
 * file and the problem, not surface as failed diagnoses when the first incident arrives.
 */
@Singleton
public class RuleSetProducer {

    private static final Logger LOG = Logger.getLogger(RuleSetProducer.class);

    @Produces
    @Singleton
    @Startup
    public RuleSet ruleSet(DiagnosisConfig config) {
        return load(config.rulesFile());
    }

    /** The configured file if any, the shipped rules otherwise. */
    static RuleSet load(Optional<Path> rulesFile) {
        RuleSet rules = rulesFile.map(RulesFile::fromFile)
                .orElseGet(() -> RulesFile.fromClasspath(RulesFile.DEFAULT_RESOURCE));
        LOG.infof("Loaded %d diagnosis rules from %s", rules.rules().size(), rules.source());
        return rules;
    }
}
