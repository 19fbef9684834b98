package io.aegisops.diagnosis.runbook;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Citation;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The runbook sections a diagnosis cites: retrieved for its root cause and alert types, and remembered per (engine,
 * rule, alert types) in a bounded cache. Exists because a diagnosis is made inside the Kafka consumer's transaction,
 * which holds the incident's row lock: the model runs at most once per kind of conclusion, and every later diagnosis
 * of that kind costs a map look-up. The first diagnosis of a kind pays one embedding (milliseconds, the model being
 * warm from start-up). Citations never change a conclusion, so they never cause a revision.
 */
@ApplicationScoped
public class RunbookCitations {

    private static final Logger LOG = Logger.getLogger(RunbookCitations.class);

    private final RunbookIndex index;
    private final RunbookConfig config;
    private final Map<Key, List<RunbookHit>> cache;

    /** What the cited sections depend on; the figures in a root cause (heap at 91 % or 94 %) do not count. */
    record Key(String engine, String ruleId, String rootCause, List<AlertType> alertTypes) {
    }

    public RunbookCitations(RunbookIndex index, RunbookConfig config) {
        this.index = index;
        this.config = config;
        int size = config.cacheSize();
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, List<RunbookHit>> eldest) {
                return size() > size;
            }
        };
    }

    /**
     * @param engine     the diagnoser that concluded
     * @param ruleId     its rule, null for an engine without rules (the root cause then keys the cache)
     * @param rootCause  the cause in plain words
     * @param alertTypes the incident's alert types
     * @return at most {@code aegis.diagnosis.runbooks.citations} sections scoring at least {@code min-score}; none
     * while the index is not ready
     */
    public List<RunbookHit> sectionsFor(String engine, String ruleId, String rootCause, List<AlertType> alertTypes) {
        if (config.citations() == 0 || !index.ready()) {
            return List.of();
        }
        Key key = new Key(engine, ruleId, ruleId == null ? rootCause : null, List.copyOf(alertTypes));
        synchronized (cache) {
            List<RunbookHit> cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        List<RunbookHit> hits;
        try {
            hits = index.search(query(rootCause, alertTypes), config.citations()).stream()
                    .filter(hit -> hit.score() >= config.minScore())
                    .toList();
        } catch (RuntimeException e) {
            // Advice must not cost a diagnosis: a failure of the model is skipped here (retried next time). A failed
            // full-text query aborts the consumer's transaction all the same, so the event is redelivered by the inbox.
            LOG.warnf(e, "Runbook retrieval failed for %s/%s: the diagnosis cites no runbook", engine, ruleId);
            return List.of();
        }
        synchronized (cache) {
            cache.put(key, hits);
        }
        return hits;
    }

    /** "<root cause>. Alert types: memory pressure, unhealthy": words both the model and full-text search read. */
    static String query(String rootCause, List<AlertType> alertTypes) {
        String types = alertTypes.stream().map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
        return (rootCause == null ? "" : rootCause) + (types.isEmpty() ? "" : ". Alert types: " + types);
    }

    /** The citation of a hit: ref = section id, title = "runbook title — section", detail = its first words. */
    public static Citation citation(RunbookHit hit) {
        return new Citation(Citation.Kind.RUNBOOK, hit.id(), hit.label(), hit.excerpt());
    }

    /** The evidence line of a hit, as approval requests and Slack messages show it. */
    public static String evidenceLine(RunbookHit hit) {
        return "runbook: " + hit.label();
    }
}
