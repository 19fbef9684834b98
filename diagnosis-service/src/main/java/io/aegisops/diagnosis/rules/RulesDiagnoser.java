package io.aegisops.diagnosis.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aegisops.contract.AlertView;
import io.aegisops.diagnosis.service.DiagnosisConfig;
import io.aegisops.diagnosis.service.DiagnosisInput;
import io.aegisops.diagnosis.service.Diagnoser;
import io.aegisops.diagnosis.service.ProposedDiagnosis;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Optional;

/**
 * The deterministic engine: the highest-priority rule that the incident's alerts satisfy decides. Always
 * concludes when the rule set has its catch-all, which {@link RulesFile} insists on, so it is the chain's
 * last resort and the fallback of any smarter diagnoser placed before it.
 */
@ApplicationScoped
@Priority(RulesDiagnoser.PRIORITY)
public class RulesDiagnoser implements Diagnoser {

    /** Lowest: every other diagnoser is asked first. */
    public static final int PRIORITY = 0;
    public static final String ENGINE = "rules";

    private final RuleSet rules;
    private final int logLines;

    @Inject
    public RulesDiagnoser(RuleSet rules, DiagnosisConfig config) {
        this(rules, config.logLines());
    }

    public RulesDiagnoser(RuleSet rules, int logLines) {
        this.rules = rules;
        this.logLines = logLines;
    }

    @Override
    public String engine() {
        return ENGINE;
    }

    @Override
    public Optional<ProposedDiagnosis> diagnose(DiagnosisInput input) {
        ObjectNode observed = ObservedFacts.of(input.investigation());
        return rules.bestMatch(input.alerts(), observed).map(match -> {
            Rule rule = match.rule();
            Map<String, String> values = Evidence.templateValues(input.incident(), match.alert(), observed);
            return new ProposedDiagnosis(ENGINE, rule.id(), Template.fill(rule.rootCause(), values), rule.action(),
                    rule.confidence(), Evidence.collect(input.incident(), input.alerts(), match.alert(), logLines),
                    Template.fill(rule.justification(), values), match.alert().map(AlertView::type).orElse(null),
                    ObservedFacts.citedBy(rule, input.investigation()), rule.when().onFactsOnly());
        });
    }
}
