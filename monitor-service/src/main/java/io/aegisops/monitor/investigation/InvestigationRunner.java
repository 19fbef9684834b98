package io.aegisops.monitor.investigation;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.Claim;
import io.aegisops.contract.Investigation;
import io.aegisops.monitor.docker.DaemonThreads;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs investigations off the request thread and outside any transaction: woken after the commit that asked for
 * one, and a sweep picks up those whose wake-up was lost (monitor restarted, queue full), so none is ever lost.
 * Gathering takes seconds of engine reads, which must neither hold an alert's transaction nor delay its 202.
 *
 * <p>A small fixed pool with a bounded queue: an alert storm across many targets queues, and past the queue the
 * rows simply wait for the sweep. An investigation already running in this JVM is not started twice.
 */
@ApplicationScoped
public class InvestigationRunner {

    private static final Logger LOG = Logger.getLogger(InvestigationRunner.class);
    private static final int QUEUE = 256;
    private static final int SWEEP_BATCH = 50;

    private final Investigations investigations;
    private final Investigator investigator;
    private final Corroborator corroborator;
    private final InvestigationConfig config;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor pool;

    public InvestigationRunner(Investigations investigations, Investigator investigator, Corroborator corroborator,
                               InvestigationConfig config) {
        this.investigations = investigations;
        this.investigator = investigator;
        this.corroborator = corroborator;
        this.config = config;
        this.pool = new ThreadPoolExecutor(config.threads(), config.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE), DaemonThreads.named("aegis-investigation"));
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) InvestigationRequested requested) {
        submit(requested.id());
    }

    @Scheduled(every = "${aegis.investigation.sweep-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        List<UUID> pending = investigations.pendingBefore(
                OffsetDateTime.now(ZoneOffset.UTC).minus(config.sweepAge()), SWEEP_BATCH);
        if (!pending.isEmpty()) {
            LOG.debugf("Sweep picks up %d pending investigation(s)", pending.size());
            pending.forEach(this::submit);
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

    /**
     * Starts gathering {@code id} unless it is already running here.
     *
     * @return false when it was running already or the queue is full (the sweep will take it)
     */
    public boolean submit(UUID id) {
        if (!inFlight.add(id)) {
            return false;
        }
        try {
            pool.execute(() -> run(id));
            return true;
        } catch (RejectedExecutionException e) {
            inFlight.remove(id);
            LOG.debugf("Investigation %s left to the sweep: %s", id, e.getMessage());
            return false;
        }
    }

    private void run(UUID id) {
        try {
            investigations.context(id).ifPresent(this::investigate);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Investigation %s could not be completed; the sweep retries it", id);
        } finally {
            inFlight.remove(id);
        }
    }

    private void investigate(InvestigationContext context) {
        boolean cpu = context.alerts().stream().anyMatch(a -> a.type() == AlertType.CPU_SATURATION);
        Findings findings = investigator.investigate(context.target(), context.container(), cpu,
                facts -> corroborator.claims(context.alerts(), facts).stream().allMatch(Claim::corroborated));
        List<Claim> claims = corroborator.claims(context.alerts(), findings.facts());
        Investigation investigation = new Investigation(context.id().toString(), context.incidentId(),
                context.target(), findings.container(), context.triggerAlertId(), findings.facts(), claims,
                findings.toolCalls(), findings.startedAt(), findings.completedAt());
        if (investigations.complete(context, investigation)) {
            LOG.infof("Investigation of %s (incident %s): %s", context.target(), context.incidentId(),
                    claims.stream().map(c -> c.alertType() + (c.corroborated() ? " corroborated" : " not corroborated"))
                            .collect(Collectors.joining(", ")));
        }
    }
}
