package io.aegisops.diagnosis.runbook;

/**
 * What one indexing pass did, as logged at start-up.
 *
 * @param source    where the runbooks came from
 * @param sections  sections in force
 * @param embedded  sections new or changed, hence embedded and stored
 * @param unchanged sections whose stored hash matched: not embedded again
 * @param removed   stored sections no longer in any runbook
 * @param millis    time the pass took, model loading included
 */
public record IndexReport(String source, int sections, int embedded, int unchanged, int removed, long millis) {
}
