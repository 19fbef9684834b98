package io.aegisops.dashboard.service;

import io.aegisops.dashboard.config.DashboardConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps the read model right across versions and small over time: refolds every incident at start-up (a new
 * dashboard version may fold differently) and forgets closed incidents past the retention.
 */
@ApplicationScoped
public class ReadModelUpkeep {

    private static final Logger LOG = Logger.getLogger(ReadModelUpkeep.class);

    private final ReadModel readModel;
    private final DashboardConfig config;

    public ReadModelUpkeep(ReadModel readModel, DashboardConfig config) {
        this.readModel = readModel;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        long begin = System.nanoTime();
        int rebuilt = readModel.rebuildAll();
        if (rebuilt > 0) {
            LOG.infof("Read model: %d incidents refolded from stored events in %d ms", rebuilt,
                    (System.nanoTime() - begin) / 1_000_000);
        }
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purge() {
        int removed = readModel.purgeClosedBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()));
        if (removed > 0) {
            LOG.infof("Read model: forgot %d closed incidents older than %s", removed, config.retention());
        }
    }
}
