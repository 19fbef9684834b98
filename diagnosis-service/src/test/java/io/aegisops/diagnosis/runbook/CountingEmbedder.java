package io.aegisops.diagnosis.runbook;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's real embedder, counting how often the model runs for each text. Exists so tests can show that a
 * look-up asked again is answered without the model; it replaces {@link SectionEmbedder} in every test of the
 * module and changes nothing else. Counted per text, so the start-up indexers and other tests' look-ups (other
 * texts) do not disturb a count.
 */
@Alternative
@Priority(1)
@Singleton // not proxied: a test class gets no synthetic no-args constructor
public class CountingEmbedder extends SectionEmbedder {

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public CountingEmbedder(RunbookConfig config) {
        super(config);
    }

    @Override
    public float[] embed(String text) {
        calls.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
        return super.embed(text);
    }

    /** How often the model embedded exactly this text. */
    public int calls(String text) {
        AtomicInteger count = calls.get(text);
        return count == null ? 0 : count.get();
    }
}
