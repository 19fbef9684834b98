package io.aegisops.diagnosis.runbook;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the runbook sections closest to a question: the cosine similarity of the embeddings, computed in Java over
 * the sections held in memory, blended with PostgreSQL's full-text rank, which rewards the exact words (an exit
 * code, {@code OOMKilled}) that an embedding blurs. Empty until the start-up indexer has published the sections.
 */
@ApplicationScoped
public class RunbookIndex {

    static final int EXCERPT = 200;

    private final QueryEmbeddings queries;
    private final RunbookStore store;
    private final RunbookConfig config;
    private volatile Snapshot snapshot;

    /** What is searchable: the sections and where they came from. */
    public record Snapshot(String source, String model, List<IndexedSection> sections) {
    }

    public RunbookIndex(QueryEmbeddings queries, RunbookStore store, RunbookConfig config) {
        this.queries = queries;
        this.store = store;
        this.config = config;
    }

    /** Called by the indexer once the store holds the sections in force. */
    void publish(Snapshot indexed) {
        this.snapshot = indexed;
    }

    /** @return the indexed sections, empty while the index is still being built (or disabled) */
    public Optional<Snapshot> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    public boolean ready() {
        return snapshot != null;
    }

    /**
     * @param query a question or a diagnosis, in words
     * @param k     how many sections at most
     * @return the best sections, best first; empty while the index is not ready
     */
    public List<RunbookHit> search(String query, int k) {
        Snapshot current = snapshot;
        if (current == null || current.sections().isEmpty()) {
            return List.of();
        }
        float[] vector = queries.embed(query);
        Map<String, Double> ranks = config.textWeight() > 0 ? store.textRanks(query) : Map.of();
        double best = ranks.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double w = config.textWeight();
        return current.sections().stream()
                .map(indexed -> {
                    RunbookSection s = indexed.section();
                    double similarity = indexed.similarity(vector);
                    double text = best > 0 ? ranks.getOrDefault(s.id(), 0.0) / best : 0;
                    return new RunbookHit(s.id(), s.runbook(), s.title(), s.section(),
                            round((1 - w) * similarity + w * text), round(similarity), round(text), s.excerpt(EXCERPT));
                })
                .sorted(Comparator.comparingDouble(RunbookHit::score).reversed().thenComparing(RunbookHit::id))
                .limit(k)
                .toList();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
