package io.aegisops.diagnosis.llm;

import io.aegisops.diagnosis.service.DiagnosisInput;
import io.aegisops.diagnosis.service.ProposedDiagnosis;
import io.quarkiverse.langchain4j.ChatMemoryRemover;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Asks the configured models in order, cloud first and local on failure, and returns the first answer that passes
 * {@link AnswerCheck}. A provider that times out, answers 429/5xx, answers malformed JSON or an answer that is
 * rejected hands over to the next; when none is left the rules diagnose. Never called inside a transaction: a model
 * may take seconds, and no row lock or connection may be held while it does (checked, not assumed).
 */
@ApplicationScoped
public class ModelDiagnoser {

    private static final Logger LOG = Logger.getLogger(ModelDiagnoser.class);

    /** One model the diagnoser may ask. */
    record Provider(String name, boolean configured, Object assistant, BiFunction<String, String, ModelAnswer> ask) {
    }

    private final LlmConfig config;
    private final List<Provider> providers;

    public ModelDiagnoser(LlmConfig config, CloudAssistant cloud, LocalAssistant local) {
        this.config = config;
        this.providers = List.of(
                new Provider("openai " + config.cloud().model(), config.cloud().baseUrl().isPresent(), cloud,
                        cloud::diagnose),
                new Provider("ollama " + config.local().model(), config.local().baseUrl().isPresent(), local,
                        local::diagnose));
    }

    /** True when at least one model is configured; otherwise the rules diagnose alone, as with zero keys. */
    public boolean enabled() {
        return providers.stream().anyMatch(Provider::configured);
    }

    /** The configured models, in the order they are asked. */
    public List<String> models() {
        return providers.stream().filter(Provider::configured).map(Provider::name).toList();
    }

    public ModelAdvice advise(DiagnosisInput input) {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("a model call must not run inside a transaction (incident "
                    + input.incident().id() + ")");
        }
        String data = PromptData.of(input, config.allowedActions(), config.logLines());
        String incidentId = input.incident().id();
        String investigationId = input.investigation() == null ? null : input.investigation().id();
        List<String> notes = new ArrayList<>();
        for (Provider provider : providers) {
            if (!provider.configured()) {
                continue;
            }
            long start = System.nanoTime();
            String conversation = UUID.randomUUID().toString();
            try {
                ModelAnswer answer = provider.ask().apply(conversation, data);
                long millis = (System.nanoTime() - start) / 1_000_000;
                AnswerCheck.Result result = AnswerCheck.check(answer, input, config.allowedActions(), provider.name());
                if (result.proposal().isPresent()) {
                    notes.add("model " + provider.name() + ": answered in " + millis + " ms");
                    return new ModelAdvice(incidentId, investigationId, result.proposal(), notes);
                }
                notes.add("model " + provider.name() + ": answer rejected, " + result.rejection());
                LOG.warnf("Incident %s: the answer of %s was rejected: %s", input.incident().id(), provider.name(),
                        result.rejection());
            } catch (RuntimeException e) {
                long millis = (System.nanoTime() - start) / 1_000_000;
                String why = Failures.describe(e);
                notes.add("model " + provider.name() + ": failed after " + millis + " ms, " + why);
                LOG.warnf("Incident %s: %s failed after %d ms: %s", input.incident().id(), provider.name(), millis, why);
            } finally {
                ChatMemoryRemover.remove(provider.assistant(), conversation);
            }
        }
        notes.add("the rules answered instead");
        return new ModelAdvice(incidentId, investigationId, Optional.empty(), notes);
    }

    /** For the eval: the proposal alone. */
    public Optional<ProposedDiagnosis> diagnose(DiagnosisInput input) {
        return advise(input).proposal();
    }
}
