package io.aegisops.remediation.service;

import io.aegisops.contract.Action;
import io.aegisops.remediation.docker.ContainerLocator;
import io.aegisops.remediation.docker.ContainerSnapshot;
import io.aegisops.remediation.docker.TargetLabels;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything known about the target when deciding: where the container is (if anywhere), its budget as accounted
 * under the container's lock, and the policy's view of it. Exists so the decision and the events that report it
 * are built from the same facts.
 *
 * @param location the search result (null when the decision did not need the target)
 * @param account  the restart budget (null when no container was found)
 * @param facts    the policy's input
 */
public record TargetFacts(ContainerLocator.Location location, RestartBudget.Account account, DecisionPolicy.Facts facts) {

    public static TargetFacts notGathered() {
        return new TargetFacts(null, null, DecisionPolicy.Facts.notGathered());
    }

    public static TargetFacts unsafe(ContainerLocator.Location location) {
        return new TargetFacts(location, null, new DecisionPolicy.Facts(location.problem(), TargetPolicy.AUTO, 0, "n/a", false));
    }

    public ContainerSnapshot container() {
        return location != null && location.found() ? location.container() : null;
    }

    /** Event details: budget, policy, container state. {@code spending} counts an intent about to be recorded. */
    public Map<String, Object> details(Action action, boolean spending) {
        Map<String, Object> details = new LinkedHashMap<>();
        ContainerSnapshot container = container();
        if (container != null) {
            details.put("containerStatus", container.status());
            details.put("targetPolicy", TargetPolicy.fromLabels(container.labels()).name().toLowerCase(java.util.Locale.ROOT));
            if (facts.startsOperatorStopped()) {
                details.put("operatorStopped", true);
            }
            TargetLabels.problems(container).forEach((label, problem) -> details.put("labelProblem." + label, problem));
        }
        if (account != null) {
            boolean counts = spending && DecisionPolicy.RESTARTS.contains(action);
            details.put("budget", account.budget().describe());
            details.put("budgetWindowSeconds", account.budget().window().toSeconds());
            details.put("budgetUsed", account.used() + (counts ? 1 : 0));
            details.put("budgetLeft", Math.max(0, account.left() - (counts ? 1 : 0)));
            if (account.nextFreeAt() != null) {
                details.put("budgetNextFreeAt", account.nextFreeAt().toEpochMilli());
            }
        }
        return details;
    }
}
