package io.aegisops.remediation.service;

import io.aegisops.contract.Action;
import io.aegisops.remediation.domain.RemediationState;

import java.time.Instant;
import java.util.Map;

/**
 * An opted-in container as remediation sees it: what it would act on, what it may still spend, and what it did
 * last.
 *
 * @param labelProblems labels whose value was ignored (invalid), by label name
 */
public record ContainerView(String id, String name, String target, String status, boolean running, String health,
                            String healthUrl, String policy, Budget restartBudget, boolean stoppedOnPurpose,
                            LastAction lastAction, Map<String, String> labelProblems) {

    /** The restart budget as accounted now. */
    public record Budget(String budget, int limit, long windowSeconds, int used, int left, Instant nextFreeAt) {
    }

    /** The newest action recorded for the container. */
    public record LastAction(String remediationId, String incidentId, Action action, RemediationState state,
                             Instant intendedAt) {
    }
}
