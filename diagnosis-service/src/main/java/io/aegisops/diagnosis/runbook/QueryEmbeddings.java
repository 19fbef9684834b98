package io.aegisops.diagnosis.runbook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embeddings of query texts, remembered in a bounded cache, for every look-up that compares a text with stored
 * embeddings: runbook searches and the past incidents a diagnosis cites. Exists because those look-ups run inside
 * the Kafka consumer's transaction, which holds the incident's row lock: a query text asked before (a redelivered
 * event, a revision with the same cause, the same question to the search) costs a map look-up instead of a model
 * run, and one cache serves both so that neither keeps a copy of its own. Stored texts (sections, closed incidents)
 * are embedded once each and are not cached here.
 */
@ApplicationScoped
public class QueryEmbeddings {

    private final SectionEmbedder embedder;
    private final Map<String, float[]> cache;

    @Inject
    public QueryEmbeddings(SectionEmbedder embedder, RunbookConfig config) {
        this(embedder, config.queryCacheSize());
    }

    /** @param size how many texts are remembered at most; the least recently asked for is forgotten first */
    QueryEmbeddings(SectionEmbedder embedder, int size) {
        this.embedder = embedder;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > size;
            }
        };
    }

    /**
     * @return the unit-length embedding of {@code text} (so a dot product is the cosine similarity), made by the
     * model only the first time the text is asked for while it is remembered; a copy the caller may keep
     */
    public float[] embed(String text) {
        float[] cached;
        synchronized (cache) {
            cached = cache.get(text);
        }
        if (cached == null) {
            // Outside the lock: a model run (milliseconds) must not hold up look-ups of other texts.
            cached = SectionEmbedder.unit(embedder.embed(text));
            synchronized (cache) {
                cache.put(text, cached);
            }
        }
        return cached.clone();
    }

    /** Names the model that made the embeddings: stored embeddings of another model are not comparable. */
    public String modelId() {
        return embedder.modelId();
    }

    /** Whether the model is in memory, so a text not yet cached costs milliseconds, not seconds. */
    public boolean ready() {
        return embedder.loaded();
    }
}
