package io.aegisops.diagnosis.runbook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings the runbook index up to date at start-up: the runbooks are read and parsed at once (a broken runbook stops
 * the service), then the sections whose content hash changed are embedded and stored on a {@link StartupWorker}, so
 * loading the model (seconds) neither delays readiness nor ever runs on a request or a Kafka record. Until it is done
 * diagnoses simply cite no runbook and the search answers 503.
 */
@ApplicationScoped
public class RunbookIndexer {

    private static final Logger LOG = Logger.getLogger(RunbookIndexer.class);

    private final RunbookConfig config;
    private final SectionEmbedder embedder;
    private final RunbookStore store;
    private final RunbookIndex index;
    private final StartupWorker worker = new StartupWorker("runbook-indexer", LOG,
            "Runbook indexing failed: diagnoses cite no runbooks until the next start");

    public RunbookIndexer(RunbookConfig config, SectionEmbedder embedder, RunbookStore store, RunbookIndex index) {
        this.config = config;
        this.embedder = embedder;
        this.store = store;
        this.index = index;
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.enabled()) {
            LOG.info("Runbook retrieval is off (aegis.diagnosis.runbooks.enabled=false)");
            return;
        }
        RunbookSource.Runbooks runbooks = RunbookSource.load(config);
        worker.start(() -> {
            IndexReport report = index(runbooks);
            LOG.infof("Runbook index ready: %d sections from %s (%d embedded, %d unchanged, %d removed) in %d ms",
                    report.sections(), report.source(), report.embedded(), report.unchanged(), report.removed(),
                    report.millis());
        });
    }

    void onStop(@Observes ShutdownEvent stop) {
        worker.stop();
    }

    /**
     * Embeds and stores what changed since the stored index, removes what is gone, and publishes the result to
     * {@link RunbookIndex}. Idempotent: a second pass over the same runbooks embeds nothing.
     */
    public IndexReport index(RunbookSource.Runbooks runbooks) {
        long start = System.nanoTime();
        Map<String, String> stored = store.hashes();
        Map<RunbookSection, String> hashes = new HashMap<>();
        Map<RunbookSection, float[]> changed = new LinkedHashMap<>();
        for (RunbookSection section : runbooks.sections()) {
            String hash = section.contentHash(embedder.modelId());
            hashes.put(section, hash);
            if (!hash.equals(stored.get(section.id()))) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("runbook indexing interrupted by shutdown");
                }
                changed.put(section, embedder.embed(section.embeddedText()));
            }
        }
        List<String> ids = runbooks.sections().stream().map(RunbookSection::id).toList();
        int removed = store.replace(changed, hashes, ids);
        // A warm model makes the first diagnosis cheap even when nothing had to be embedded.
        embedder.embed("warm-up");
        index.publish(new RunbookIndex.Snapshot(runbooks.source(), embedder.modelId(), store.all()));
        return new IndexReport(runbooks.source(), ids.size(), changed.size(), ids.size() - changed.size(), removed,
                (System.nanoTime() - start) / 1_000_000);
    }
}
