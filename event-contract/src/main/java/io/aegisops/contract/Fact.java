package io.aegisops.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/**
 * One thing AegisOps observed itself about a target, as opposed to what an alert claims. Diagnoses cite facts by
 * {@link #id}, so a person can check every conclusion against what was actually seen.
 *
 * @param id         unique within its investigation ({@code F1}, {@code F2}…), the handle diagnoses cite
 * @param name       what was observed, one of {@link FactNames} (e.g. {@code state}, {@code oomKilled})
 * @param source     which read produced it: {@code engine.inspect}, {@code engine.logs}, {@code engine.stats},
 *                   {@code health.probe}
 * @param summary    one line for people, e.g. {@code State: exited (exit code 137), OOMKilled=true}
 * @param value      the observed value as JSON (number, boolean, text, or an array of log lines)
 * @param observedAt when it was observed
 */
public record Fact(String id, String name, String source, String summary, JsonNode value, OffsetDateTime observedAt) {
}
