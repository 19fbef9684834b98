package io.aegisops.approval.slack;

import io.aegisops.approval.domain.Notification;
import io.aegisops.approval.domain.NotificationStage;
import io.aegisops.approval.domain.NotificationStatus;
import io.aegisops.approval.domain.SlackThread;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers queued notifications, one per transaction. An incident's messages go out in the order their
 * changes happened and one at a time (the first one's {@code ts} is the thread of the rest); a message that
 * keeps failing holds back only its own incident, and only until its attempts are used up. Rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so replicas share the queue without sending anything twice at once.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);

    private final EntityManager entityManager;
    private final SlackClient slack;
    private final SlackMode mode;
    private final SlackConfig config;
    private final RetryPolicy retries;
    private final Redactor redactor;
    private final NotificationMetrics metrics;
    private final ManagedExecutor executor;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();
    /** Slack said 429: nothing is sent before this instant (rate limits are per app, not per message). */
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile boolean started;

    public NotificationSender(EntityManager entityManager, SlackClient slack, SlackMode mode, SlackConfig config,
                              Redactor redactor, NotificationMetrics metrics, ManagedExecutor executor) {
        this.entityManager = entityManager;
        this.slack = slack;
        this.mode = mode;
        this.config = config;
        this.retries = RetryPolicy.of(config.delivery());
        this.redactor = redactor;
        this.metrics = metrics;
        this.executor = executor;
    }

    void onStart(@Observes StartupEvent event) {
        started = true;
    }

    @Scheduled(every = "${aegis.slack.delivery.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationQueued queued) {
        if (started) {
            wake();
        }
    }

    /** Requests a drain; concurrent requests coalesce into one running drain plus at most one follow-up. */
    public void wake() {
        wanted.set(true);
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drainWhileWanted);
        }
    }

    private void drainWhileWanted() {
        try {
            while (wanted.getAndSet(false)) {
                int sent = 0;
                while (sent < config.delivery().batchSize() && Instant.now().isAfter(pausedUntil)
                        && QuarkusTransaction.requiringNew().call(this::sendNext)) {
                    sent++;
                }
                if (sent == config.delivery().batchSize()) {
                    wanted.set(true);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Notification sender paused until the next poll: %s", redactor.scrub(e.getMessage()));
        } finally {
            draining.set(false);
            if (wanted.get() && Instant.now().isAfter(pausedUntil)) {
                wake();
            }
        }
    }

    /** @return false when nothing was due */
    boolean sendNext() {
        @SuppressWarnings("unchecked")
        List<Notification> head = entityManager.createNativeQuery("""
                        select n.* from notification n
                        where n.status = 'PENDING' and n.next_attempt_at <= :now
                          and not exists (select 1 from notification e
                                          where e.incident_id = n.incident_id and e.status = 'PENDING'
                                            and (e.occurred_at, e.seq) < (n.occurred_at, n.seq))
                        order by n.next_attempt_at, n.seq
                        limit 1
                        for update of n skip locked""", Notification.class)
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                .getResultList();
        if (head.isEmpty()) {
            return false;
        }
        deliver(head.get(0));
        return true;
    }

    private void deliver(Notification n) {
        n.attempts++;
        n.channel = mode.way().label;
        switch (mode.way()) {
            case LOG -> {
                LOG.infof("Notification (Slack not configured) %s", n.text);
                n.status = NotificationStatus.LOGGED;
                n.deliveredAt = OffsetDateTime.now(ZoneOffset.UTC);
                metrics.count("logged", mode.way());
            }
            case WEBHOOK -> record(n, slack.webhook(n.text, n.blocks));
            case API -> record(n, viaApi(n));
        }
    }

    /**
     * A decision replaces the approval's messages (and so their buttons) in place; everything else is posted,
     * the incident's first message at the top level and the rest in its thread.
     */
    private DeliveryResult viaApi(Notification n) {
        if (n.stage == NotificationStage.DECIDED && n.approvalId != null) {
            List<Notification> withButtons = Notification.postedWithButtons(n.approvalId);
            if (!withButtons.isEmpty()) {
                DeliveryResult updated = null;
                for (Notification original : withButtons) {
                    updated = slack.update(original.slackChannel, original.slackTs, n.text, n.blocks);
                    if (!updated.isDelivered()) {
                        break;
                    }
                }
                if (updated.outcome() != DeliveryResult.Outcome.FAILED) {
                    return updated;
                }
                LOG.infof("Approval message of incident %s cannot be updated (%s); posting the decision instead",
                        n.incidentId, updated.error());
            }
        }
        SlackThread thread = SlackThread.findById(n.incidentId);
        DeliveryResult posted = slack.postMessage(config.channel().orElseThrow().trim(), n.text, n.blocks,
                thread == null ? null : thread.ts, n.broadcast);
        if (posted.isDelivered() && thread == null && posted.ts() != null) {
            SlackThread first = new SlackThread();
            first.incidentId = n.incidentId;
            first.channel = posted.channel();
            first.ts = posted.ts();
            first.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            first.persist();
        }
        return posted;
    }

    private void record(Notification n, DeliveryResult result) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        switch (result.outcome()) {
            case DELIVERED -> {
                n.status = NotificationStatus.DELIVERED;
                n.deliveredAt = now;
                n.slackChannel = result.channel();
                n.slackTs = result.ts();
                metrics.count("delivered", mode.way());
            }
            case RETRY -> {
                n.lastError = redactor.scrub(result.error());
                if (retries.exhausted(n.attempts)) {
                    giveUp(n, "all " + n.attempts + " attempts failed");
                    return;
                }
                Duration delay = retries.delayAfter(n.attempts, result.retryAfter());
                n.nextAttemptAt = now.plus(delay);
                if (result.retryAfter() != null) {
                    pausedUntil = Instant.now().plus(delay);
                }
                metrics.count("retried", mode.way());
                LOG.warnf("Slack notification %s (%s, incident %s) failed on attempt %d: %s; retrying in %d ms",
                        n.id, n.stage, n.incidentId, n.attempts, n.lastError, delay.toMillis());
            }
            case FAILED -> {
                n.lastError = redactor.scrub(result.error());
                giveUp(n, "Slack refused it");
            }
        }
    }

    private void giveUp(Notification n, String why) {
        n.status = NotificationStatus.FAILED;
        metrics.count("failed", mode.way());
        LOG.warnf("Slack notification %s (%s, incident %s) FAILED for good, %s: %s", n.id, n.stage, n.incidentId,
                why, n.lastError);
    }
}
