package io.aegisops.diagnosis.llm;

import io.aegisops.contract.Investigation;
import io.aegisops.diagnosis.service.DiagnosisInput;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the models about an investigation before its event is applied, and remembers the answer for the diagnosis
 * made in the event's transaction. Exists to keep the model call out of that transaction: the consumer asks here
 * first (no transaction, no lock), then applies the event, and the diagnosis takes the remembered advice. Each
 * investigation is asked about once: a redelivered event, and the alerts that join the incident afterwards, reuse
 * the answer instead of asking again, so an alert storm costs no model calls.
 */
@ApplicationScoped
public class ModelAdvisor {

    private static final Logger LOG = Logger.getLogger(ModelAdvisor.class);

    private final ModelDiagnoser models;
    private final ModelInputs inputs;
    private final Map<Key, ModelAdvice> memo;

    /**
     * An investigation of an incident. Investigation ids are unique where monitor-service makes them, but the memo
     * does not rest on that: an event that names one incident's investigation for another (a bug, a forged event)
     * finds no advice and is asked about on its own, instead of receiving an answer checked against another target.
     */
    private record Key(String incidentId, String investigationId) {
    }

    public ModelAdvisor(ModelDiagnoser models, ModelInputs inputs, LlmConfig config) {
        this.models = models;
        this.inputs = inputs;
        int size = config.memo();
        this.memo = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ModelAdvice> eldest) {
                return size() > size;
            }
        };
    }

    /**
     * Asks the models about this investigation unless none is configured or it was asked about already. Never fails
     * the event: if the models cannot even be asked, the rules diagnose it.
     */
    public void consult(Investigation investigation) {
        if (!models.enabled() || adviceFor(investigation).isPresent()) {
            return;
        }
        try {
            Optional<DiagnosisInput> input = inputs.forInvestigation(investigation);
            if (input.isEmpty()) {
                return;
            }
            ModelAdvice advice = models.advise(input.get());
            synchronized (memo) {
                // Keyed by what the advice says it answers, so it is found only for that investigation of that incident.
                memo.put(new Key(advice.incidentId(), advice.investigationId()), advice);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Investigation %s of incident %s: the models could not be asked; the rules diagnose it",
                    investigation.id(), investigation.incidentId());
        }
    }

    /**
     * What the models said about this investigation of this incident, if they were asked: never the advice about
     * another incident's investigation, whatever ids the event carries.
     */
    public Optional<ModelAdvice> adviceFor(Investigation investigation) {
        if (investigation == null || investigation.id() == null) {
            return Optional.empty();
        }
        synchronized (memo) {
            return Optional.ofNullable(memo.get(new Key(investigation.incidentId(), investigation.id())));
        }
    }
}
