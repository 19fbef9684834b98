package io.aegisops.contract;

import java.util.List;

/**
 * Whether what an incident's alerts of one type claim is shown by the facts AegisOps gathered itself. Only a
 * corroborated claim may lead to an action without a human: an alert is a statement by a sender, a fact is an
 * observation.
 *
 * @param alertType    the claim: the type the alerts report
 * @param alertId      the latest alert of that type when the investigation ran
 * @param corroborated true when at least one fact shows the claim
 * @param factIds      the facts that decided, supporting or contradicting
 * @param reason       why, in one sentence, e.g. {@code the container has been running since 12:00:01, before the alert}
 */
public record Claim(AlertType alertType, String alertId, boolean corroborated, List<String> factIds, String reason) {

    public Claim {
        factIds = factIds == null ? List.of() : List.copyOf(factIds);
    }
}
