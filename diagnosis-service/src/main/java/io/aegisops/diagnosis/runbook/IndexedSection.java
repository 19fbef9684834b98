package io.aegisops.diagnosis.runbook;

/**
 * A section with its embedding, as held in memory for retrieval: ~50 sections of 384 floats are cheaper to scan
 * in Java than to send to PostgreSQL for every query.
 *
 * @param section   the section
 * @param embedding its unit-length embedding
 */
public record IndexedSection(RunbookSection section, float[] embedding) {

    /** Cosine similarity with a query's embedding, in [-1, 1]. */
    public double similarity(float[] query) {
        double dot = 0;
        double a = 0;
        double b = 0;
        for (int i = 0; i < embedding.length; i++) {
            dot += embedding[i] * query[i];
            a += embedding[i] * embedding[i];
            b += query[i] * query[i];
        }
        return a == 0 || b == 0 ? 0 : dot / Math.sqrt(a * b);
    }
}
