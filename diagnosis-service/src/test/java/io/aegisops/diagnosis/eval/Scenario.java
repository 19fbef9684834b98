package io.aegisops.diagnosis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.Action;
import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.Severity;

import java.util.List;

/**
 * One labelled case of the diagnosis eval, as written in {@code eval/scenarios/<id>.yaml}: what monitor-service
 * would publish about an incident (alerts, the investigation's facts and claims) and the answer a good diagnosis
 * gives. Exists as data, not code, so adding a case is a file an operator can write and review without Java.
 *
 * @param id          equals the file name without {@code .yaml}
 * @param description what happened, in a sentence or two
 * @param runbook     the runbook that covers the case, e.g. {@code memory-leak.md}
 * @param service     the incident's service (its target); {@code buggy-app} when omitted
 * @param alerts      oldest first
 * @param facts       the investigation's facts; their ids are {@code F1}, {@code F2}… in this order
 * @param claims      one per alert type, as monitor-service's corroborator decides them; no facts and no claims
 *                    means no investigation is available
 * @param expected    the correct answer
 * @param knownGap    where the shipped rules are known to answer otherwise: what they answer and why it is wrong
 */
public record Scenario(String id, String description, String runbook, String service, List<AlertSpec> alerts,
                       List<FactSpec> facts, List<ClaimSpec> claims, Expected expected, KnownGap knownGap) {

    public static final String DEFAULT_SERVICE = "buggy-app";

    public Scenario {
        service = service == null ? DEFAULT_SERVICE : service;
        facts = facts == null ? List.of() : facts;
        claims = claims == null ? List.of() : claims;
    }

    public boolean investigated() {
        return !facts.isEmpty() || !claims.isEmpty();
    }

    /** An alert as it reaches diagnosis; severity defaults to WARNING and status to firing. */
    public record AlertSpec(AlertType type, AlertSource source, Severity severity, String status, String summary,
                            JsonNode metrics, List<String> evidence) {
    }

    /** A fact of the investigation: a {@link io.aegisops.contract.FactNames} name, the read that produced it. */
    public record FactSpec(String name, String source, JsonNode value, String summary) {
    }

    /** monitor-service's verdict on the alerts of one type. */
    public record ClaimSpec(AlertType alertType, Boolean corroborated, List<String> factIds, String reason) {
    }

    /**
     * @param causeFamily one of the runbook families ({@code eval/families.yaml})
     * @param ruleId      optional: the rule that should decide, where one exists
     */
    public record Expected(String causeFamily, Action action, Boolean corroborated, String ruleId) {
    }

    /** What the rules answer today for a case they get wrong, recorded so the miss is honest, not silent. */
    public record KnownGap(String why, String ruleId, Action action, Boolean corroborated) {
    }
}
