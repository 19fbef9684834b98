package io.aegisops.remediation.service;

import io.aegisops.contract.Action;
import io.aegisops.remediation.config.RemediationConfig;
import io.aegisops.remediation.docker.ContainerLocator;
import io.aegisops.remediation.docker.ContainerSnapshot;
import io.aegisops.remediation.docker.TargetLabels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Looks the target up and accounts its budget for a decision, under the container's lock so the decision and the
 * intent it may record see the same budget. An engine that cannot be reached is a safety failure, never a guess.
 */
@ApplicationScoped
public class FactGatherer {

    private static final Logger LOG = Logger.getLogger(FactGatherer.class);

    private final ContainerLocator locator;
    private final BudgetLedger ledger;
    private final ContainerEvents containerEvents;
    private final RestartBudget defaultBudget;

    public FactGatherer(ContainerLocator locator, BudgetLedger ledger, ContainerEvents containerEvents,
                        RemediationConfig config) {
        this.locator = locator;
        this.ledger = ledger;
        this.containerEvents = containerEvents;
        this.defaultBudget = RestartBudget.parse(config.restartBudget());
    }

    /** Facts for a fresh decision about {@code target}, preferring the container the diagnosis names. */
    @Transactional(Transactional.TxType.MANDATORY)
    public TargetFacts forDecision(String target, String preferredContainer, Action action) {
        ContainerLocator.Location location;
        try {
            location = locator.locate(target, preferredContainer);
        } catch (RuntimeException e) {
            return TargetFacts.unsafe(engineUnreachable(e));
        }
        return gather(location, action, true);
    }

    /**
     * Facts when a human approved: the container is looked up again (it may be gone or recreated) and the budget
     * is accounted again; an operator's stop no longer holds the action back, a human has just decided.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TargetFacts forApproved(String target, String containerId, String containerName, Action action) {
        ContainerLocator.Location location;
        try {
            location = locator.relocate(target, containerId, containerName);
        } catch (RuntimeException e) {
            return TargetFacts.unsafe(engineUnreachable(e));
        }
        return gather(location, action, false);
    }

    private TargetFacts gather(ContainerLocator.Location location, Action action, boolean checkOperatorStop) {
        if (!location.found()) {
            return TargetFacts.unsafe(location);
        }
        ContainerSnapshot container = location.container();
        ledger.lock(container.name());
        RestartBudget budget = TargetLabels.restartBudget(container, defaultBudget);
        RestartBudget.Account account = ledger.account(container.name(), budget, Instant.now());
        boolean operatorStopped = checkOperatorStop && !container.running()
                && DecisionPolicy.RESTARTS.contains(action) && containerEvents.stoppedOnPurpose(container.id());
        if (TargetPolicy.isUnrecognised(container.labels())) {
            LOG.warnf("Container %s: label aegis.policy has an unknown value; treating it as manual", container.name());
        }
        return new TargetFacts(location, account, new DecisionPolicy.Facts(null,
                TargetPolicy.fromLabels(container.labels()), account.left(), budget.describe(), operatorStopped));
    }

    private static ContainerLocator.Location engineUnreachable(RuntimeException e) {
        LOG.warnf("Cannot look up containers: %s", e.getMessage());
        return new ContainerLocator.Location(ContainerLocator.Kind.NOT_FOUND, null,
                "cannot inspect containers: the Docker engine is unreachable (" + e.getClass().getSimpleName() + ")");
    }
}
