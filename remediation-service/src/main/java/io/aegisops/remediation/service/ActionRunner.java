package io.aegisops.remediation.service;

import io.aegisops.contract.Action;
import io.aegisops.contract.RemediationStage;
import io.aegisops.remediation.docker.ActionExecutor;
import io.aegisops.remediation.docker.ActionResult;
import io.aegisops.remediation.docker.HealthVerifier;
import io.aegisops.remediation.docker.NotOptedInException;
import io.aegisops.remediation.docker.RestartProof;
import io.aegisops.remediation.domain.Remediation;
import io.aegisops.remediation.domain.RemediationState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one claimed action to its end: the Docker call (outside any transaction, after the ACTING mark committed),
 * its outcome, the verification, and the verdict, each recorded in a transaction of its own. Every write checks
 * that this process still owns the row, so an owner that lost its lease cannot overwrite the new owner's result.
 */
@ApplicationScoped
public class ActionRunner {

    private static final Logger LOG = Logger.getLogger(ActionRunner.class);
    static final String EXECUTOR = "remediation-service (executor)";
    static final String VERIFIER = "remediation-service (verifier)";

    private final ActionExecutor executor;
    private final HealthVerifier verifier;
    private final StageRecorder stages;
    private final RemediationMetrics metrics;

    public ActionRunner(ActionExecutor executor, HealthVerifier verifier, StageRecorder stages, RemediationMetrics metrics) {
        this.executor = executor;
        this.verifier = verifier;
        this.stages = stages;
        this.metrics = metrics;
    }

    public void run(Claims.Claim claim, String owner) {
        String startedAtBefore = claim.startedAtBefore();
        if (!claim.resumed()) {
            long begin = System.nanoTime();
            ActionResult result;
            try {
                result = executor.execute(claim.containerId(), claim.action(), claim.stopTimeout());
            } catch (NotOptedInException e) {
                refused(claim, owner, e.getMessage());
                return;
            } catch (RuntimeException e) {
                result = new ActionResult(ActionResult.Outcome.FAILED, "the engine could not be asked ("
                        + e.getClass().getSimpleName() + "); nothing was done", null);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            metrics.actionTook(claim.action(), took);
            if (!afterAction(claim, owner, result, took)) {
                return;
            }
            startedAtBefore = result.startedAtBefore();
        }
        HealthVerifier.Verdict verdict = verifier.verify(claim.containerId(), claim.action(),
                proofOwed(claim, startedAtBefore));
        metrics.verificationTook(claim.action(), verdict.healthy(), Duration.ofMillis(verdict.tookMillis()));
        afterVerification(claim, owner, verdict);
    }

    /**
     * A RESTART is verified only by a new run; START and STOP are judged by the state they leave (a START of a
     * container somebody else started meanwhile still leaves it running, which is what was asked).
     */
    private static RestartProof proofOwed(Claims.Claim claim, String startedAtBefore) {
        return claim.action() == Action.RESTART ? new RestartProof(startedAtBefore, claim.actionStartedAt()) : null;
    }

    /** @return true when verification should follow */
    private boolean afterAction(Claims.Claim claim, String owner, ActionResult result, Duration took) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Remediation remediation = owned(claim, owner, RemediationState.ACTING);
            if (remediation == null) {
                return false;
            }
            remediation.actionEndedAt = Outcomes.now();
            remediation.startedAtBefore = result.startedAtBefore();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("outcome", result.outcome().name());
            details.put("actionMs", took.toMillis());
            if (result.mayHaveHappened()) {
                remediation.moveTo(RemediationState.VERIFYING, result.detail());
                stages.record(remediation, RemediationStage.VERIFYING, EXECUTOR, result.detail(), details);
                return true;
            }
            fail(remediation, EXECUTOR, claim.action() + " failed: " + result.detail(), details);
            return false;
        });
    }

    private void afterVerification(Claims.Claim claim, String owner, HealthVerifier.Verdict verdict) {
        QuarkusTransaction.requiringNew().run(() -> {
            Remediation remediation = owned(claim, owner, RemediationState.VERIFYING);
            if (remediation == null) {
                return;
            }
            remediation.startedAtAfter = verdict.startedAtAfter();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("checks", verdict.checks());
            details.put("verifyMs", verdict.tookMillis());
            if (claim.resumed()) {
                details.put("resumed", true);
            }
            if (verdict.healthy()) {
                remediation.verifiedAt = Outcomes.now();
                remediation.moveTo(RemediationState.RESOLVED, verdict.observation());
                remediation.leaseUntil = null;
                stages.record(remediation, RemediationStage.RESOLVED, VERIFIER, "verified: " + verdict.observation(),
                        details);
                metrics.actionFinished(claim.action(), "resolved");
                LOG.infof("Remediation %s: %s of %s verified (%s)", remediation.id, claim.action(),
                        remediation.containerName, verdict.observation());
            } else {
                fail(remediation, VERIFIER, "verification failed: " + verdict.observation(), details);
            }
        });
    }

    private void refused(Claims.Claim claim, String owner, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            Remediation remediation = owned(claim, owner, RemediationState.ACTING);
            if (remediation == null) {
                return;
            }
            remediation.actionEndedAt = Outcomes.now();
            remediation.moveTo(RemediationState.ESCALATED, reason);
            remediation.leaseUntil = null;
            stages.record(remediation, RemediationStage.ESCALATED, EXECUTOR, reason, Map.of("outcome", "REFUSED"));
            metrics.actionFinished(claim.action(), "refused");
        });
    }

    /** FAILED, then ESCALATED: a failed remediation always ends with a human. */
    private void fail(Remediation remediation, String actor, String reason, Map<String, Object> details) {
        Action action = remediation.action;
        remediation.moveTo(RemediationState.ESCALATED, reason);
        remediation.leaseUntil = null;
        stages.record(remediation, RemediationStage.FAILED, actor, reason, details);
        stages.record(remediation, RemediationStage.ESCALATED, actor, "escalated after failure: " + reason, details);
        metrics.actionFinished(action, "failed");
        LOG.warnf("Remediation %s of %s escalated: %s", remediation.id, remediation.containerName, reason);
    }

    /** The row, locked, if this process still owns it in the expected state; null when someone else took it over. */
    private static Remediation owned(Claims.Claim claim, String owner, RemediationState expected) {
        Remediation remediation = Remediation.findForUpdate(claim.remediationId()).orElse(null);
        if (remediation == null || remediation.state != expected || !owner.equals(remediation.owner)) {
            LOG.warnf("Remediation %s was taken over while this process worked on it (now %s, owner %s); "
                    + "leaving it to the new owner", claim.remediationId(),
                    remediation == null ? "gone" : remediation.state, remediation == null ? "-" : remediation.owner);
            return null;
        }
        return remediation;
    }
}
