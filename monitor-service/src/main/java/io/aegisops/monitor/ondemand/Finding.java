package io.aegisops.monitor.ondemand;

import io.aegisops.contract.AlertType;

import java.util.List;

/**
 * The corroborator's judgement of one fault kind for an on-demand question, as the report shows it.
 *
 * @param kind     the fault kind judged
 * @param asked    true when the question's words point at it (these come first)
 * @param observed true when the facts show it (the corroborator's "corroborated")
 * @param reason   why, in one sentence
 * @param factIds  the facts that decided, supporting or contradicting
 */
public record Finding(AlertType kind, boolean asked, boolean observed, String reason, List<String> factIds) {

    public Finding {
        factIds = factIds == null ? List.of() : List.copyOf(factIds);
    }
}
