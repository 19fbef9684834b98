package io.aegisops.diagnosis.similar;

import io.aegisops.diagnosis.runbook.SectionEmbedder;
import io.aegisops.diagnosis.runbook.StartupWorker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Loads the embedding model at start-up on a {@link StartupWorker} of its own, so the first diagnoses find similar
 * incidents even when runbook retrieval (whose indexer loads it too, the same instance) is off, and embeds the past
 * incidents stored without an embedding of the current model (the model failed when they closed, or it changed
 * since).
 */
@ApplicationScoped
public class PastIncidentIndexer {

    private static final Logger LOG = Logger.getLogger(PastIncidentIndexer.class);

    private final SimilarConfig config;
    private final SectionEmbedder embedder;
    private final PastIncidents pastIncidents;
    private final StartupWorker worker = new StartupWorker("past-incident-indexer", LOG,
            "Past incidents could not be embedded: retried at the next start");

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
        worker.start(() -> {
            embedder.warmUp();
            int embedded = pastIncidents.embedMissing();
            if (embedded > 0) {
                LOG.infof("Embedded %d past incidents stored without an embedding of %s", embedded,
                        embedder.modelId());
            }
        });
    }

    void onStop(@Observes ShutdownEvent stop) {
        worker.stop();
    }
}
