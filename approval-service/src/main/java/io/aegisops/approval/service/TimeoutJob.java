package io.aegisops.approval.service;

import io.aegisops.approval.domain.Approval;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Applies the two approval timeouts: after T1 an open approval is escalated (reminded louder, still
 * decidable), after T2 it expires (decision EXPIRE). Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * replicas running the job at the same moment share the work instead of escalating or expiring twice, and a
 * human deciding at that very moment either wins first or waits and finds the approval expired.
 */
@ApplicationScoped
public class TimeoutJob {

    private static final Logger LOG = Logger.getLogger(TimeoutJob.class);

    private final EntityManager entityManager;
    private final ApprovalService approvals;
    private final ApprovalConfig config;

    public TimeoutJob(EntityManager entityManager, ApprovalService approvals, ApprovalConfig config) {
        this.entityManager = entityManager;
        this.approvals = approvals;
        this.config = config;
    }

    @Scheduled(every = "${aegis.approval.check-interval:10s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        try {
            // Expire first: an approval past both timeouts (the service was down) expires without a reminder.
            int expired = repeat("status in ('PENDING', 'ESCALATED')", config.expireAfter().toMillis(), true);
            int escalated = repeat("status = 'PENDING'", config.escalateAfter().toMillis(), false);
            if (expired + escalated > 0) {
                LOG.debugf("Timeouts applied: %d expired, %d escalated", expired, escalated);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Approval timeouts not applied this round, retrying at the next check: %s", e.getMessage());
        }
    }

    private int repeat(String condition, long afterMillis, boolean expire) {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> apply(condition, afterMillis, expire));
            total += done;
        } while (done == config.timeoutBatchSize());
        return total;
    }

    private int apply(String condition, long afterMillis, boolean expire) {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minusNanos(afterMillis * 1_000_000);
        @SuppressWarnings("unchecked")
        List<Approval> due = entityManager.createNativeQuery("select * from approval where " + condition
                        + " and received_at <= :cutoff order by received_at limit :limit for update skip locked",
                        Approval.class)
                .setParameter("cutoff", cutoff)
                .setParameter("limit", config.timeoutBatchSize())
                .getResultList();
        for (Approval approval : due) {
            if (expire) {
                approvals.expire(approval);
            } else {
                approvals.escalate(approval);
            }
        }
        return due.size();
    }
}
