package io.aegisops.remediation.service;

import io.aegisops.remediation.config.RemediationConfig;
import io.aegisops.remediation.docker.ContainerSnapshot;
import io.aegisops.remediation.docker.DockerEngine;
import io.aegisops.remediation.docker.EngineUnavailableException;
import io.aegisops.remediation.docker.TargetLabels;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Builds the containers overview: every opted-in container with its state, health, budget and last action. */
@ApplicationScoped
public class ContainerOverview {

    private final DockerEngine engine;
    private final BudgetLedger ledger;
    private final ContainerEvents events;
    private final RemediationQueries queries;
    private final RestartBudget defaultBudget;

    public ContainerOverview(DockerEngine engine, BudgetLedger ledger, ContainerEvents events, RemediationQueries queries,
                             RemediationConfig config) {
        this.engine = engine;
        this.ledger = ledger;
        this.events = events;
        this.queries = queries;
        this.defaultBudget = RestartBudget.parse(config.restartBudget());
    }

    /** @throws EngineUnavailableException when the engine cannot be asked */
    public List<ContainerView> list(String target) {
        Instant now = Instant.now();
        List<ContainerSnapshot> containers;
        try {
            containers = engine.listOptedIn();
        } catch (RuntimeException e) {
            throw new EngineUnavailableException(e);
        }
        return containers.stream()
                .filter(c -> target == null || target.equals(c.service()))
                .sorted(Comparator.comparing(ContainerSnapshot::name))
                .map(c -> view(c, now))
                .toList();
    }

    private ContainerView view(ContainerSnapshot c, Instant now) {
        RestartBudget budget = TargetLabels.restartBudget(c, defaultBudget);
        RestartBudget.Account account = ledger.account(c.name(), budget, now);
        ContainerView.LastAction last = queries.lastActionOn(c.name()).map(r -> new ContainerView.LastAction(
                r.id.toString(), r.incidentId.toString(), r.action, r.state, r.intendedAt.toInstant())).orElse(null);
        return new ContainerView(c.id(), c.name(), c.service(), c.status(), c.running(), c.health(),
                TargetLabels.healthUrl(c).map(TargetLabels::display).orElse(null),
                TargetPolicy.fromLabels(c.labels()).name().toLowerCase(Locale.ROOT),
                new ContainerView.Budget(budget.describe(), budget.limit(), budget.window().toSeconds(), account.used(),
                        account.left(), account.nextFreeAt()),
                !c.running() && events.stoppedOnPurpose(c.id()), last, TargetLabels.problems(c));
    }
}
