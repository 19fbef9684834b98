package io.aegisops.diagnosis.runbook;

/**
 * One retrieved section, as the search API answers it and a diagnosis cites it.
 *
 * @param id         the section id, e.g. {@code oom-killed.md#facts-that-confirm-it}
 * @param runbook    its file
 * @param title      the runbook's title
 * @param section    the section's heading
 * @param score      the blended score the hits are ordered by (higher is closer)
 * @param similarity the cosine similarity of the embeddings
 * @param textRank   PostgreSQL's full-text rank relative to the best hit's, 0 without a common word
 * @param excerpt    the section's first words
 */
public record RunbookHit(String id, String runbook, String title, String section, double score, double similarity,
                         double textRank, String excerpt) {

    /** "OOM killed — Verify". */
    public String label() {
        return title + " — " + section;
    }
}
