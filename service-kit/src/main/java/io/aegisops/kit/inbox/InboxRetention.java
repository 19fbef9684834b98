package io.aegisops.kit.inbox;

import io.aegisops.kit.retention.BatchedDelete;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes what the {@link Inbox} remembers once no broker can deliver that event again. Exists because
 * {@code processed_event} gains a row per consumed event and would otherwise grow for ever (an alert storm writes
 * one per event to every consumer); deleting a row the broker could still redeliver would let that event apply
 * twice, so the retention must cover the redelivery window, checked at start-up.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);
    private final InboxConfig config;
    private final EntityManager entityManager;

    public InboxRetention(InboxConfig config, EntityManager entityManager) {
        this.config = config;
        this.entityManager = entityManager;
    }

    void checkOnStart(@Observes StartupEvent event) {
        if (config.retention().compareTo(config.redeliveryWindow()) < 0) {
            throw new IllegalStateException("aegis.inbox.retention (" + config.retention() + ") is shorter than "
                    + "aegis.inbox.redelivery-window (" + config.redeliveryWindow() + "): an event the broker "
                    + "redelivers after that would be applied twice; raise AEGIS_INBOX_RETENTION to at least the window");
        }
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeHourly() {
        try {
            purge(OffsetDateTime.now(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            LOG.warnf("Inbox retention: purging processed events failed (%s); the next run retries", e.getMessage());
        }
    }

    /**
     * Deletes the processed-event marks older than the retention at {@code now}, in batches ({@link BatchedDelete}).
     *
     * @return how many were deleted
     */
    public long purge(OffsetDateTime now) {
        long total = BatchedDelete.until(entityManager, """
                delete from processed_event where ctid in (
                    select ctid from processed_event where processed_at < :cutoff limit :batch)""",
                now.minus(config.retention()));
        if (total > 0) {
            LOG.infof("Inbox retention: deleted %d processed-event marks older than %s", total, config.retention());
        }
        return total;
    }
}
