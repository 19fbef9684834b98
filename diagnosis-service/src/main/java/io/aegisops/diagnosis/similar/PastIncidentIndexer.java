package io.aegisops.diagnosis.similar;

import io.aegisops.diagnosis.runbook.SectionEmbedder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Loads the embedding model at start-up on a thread of its own, so the first diagnoses find similar incidents even
 * when runbook retrieval (whose indexer loads it too, the same instance) is off, and embeds the past incidents
 * stored without an embedding of the current model (the model failed when they closed, or it changed since).
 */
@ApplicationScoped
public class PastIncidentIndexer {

    private static final Logger LOG = Logger.getLogger(PastIncidentIndexer.class);

    private final SimilarConfig config;
    private final SectionEmbedder embedder;
    private final PastIncidents pastIncidents;
    private volatile Thread worker;

    public PastIncidentIndexer(SimilarConfig config, SectionEmbedder embedder, PastIncidents pastIncidents) {
        this.config = config;
        this.embedder = embedder;
        this.pastIncidents = pastIncidents;
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.enabled()) {
            LOG.info("Similar past incidents are off (aegis.diagnosis.similar.enabled=false)");
            return;
        }
        Thread thread = new Thread(this::indexInBackground, "past-incident-indexer");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void indexInBackground() {
        try {
            embedder.warmUp();
            int embedded = pastIncidents.embedMissing();
            if (embedded > 0) {
                LOG.infof("Embedded %d past incidents stored without an embedding of %s", embedded,
                        embedder.modelId());
            }
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                LOG.errorf(e, "Past incidents could not be embedded: retried at the next start");
            }
        }
    }
}
