package io.aegisops.diagnosis.service;

import java.util.Optional;

/**
 * An engine that explains an incident. Diagnosers form a chain ({@link DiagnoserChain}), highest
 * {@code @jakarta.annotation.Priority} first: the first one that concludes wins, and one that cannot conclude
 * (or fails) hands over to the next. The deterministic rules engine sits last with a catch-all rule, so the
 * chain always concludes.
 *
 * <p>This is where a language-model diagnoser plugs in: an {@code @ApplicationScoped @Priority(100)} bean
 * implementing this interface, returning empty when the model is unavailable, times out or answers with an
 * action or confidence it cannot justify; the rules then answer instead.
 */
public interface Diagnoser {

    /** Reported as {@code engine} in every diagnosis this diagnoser makes, e.g. {@code rules} or {@code llm}. */
    String engine();

    /**
     * @return the proposed diagnosis, or empty when this diagnoser cannot conclude for this incident
     */
    Optional<ProposedDiagnosis> diagnose(DiagnosisInput input);
}
