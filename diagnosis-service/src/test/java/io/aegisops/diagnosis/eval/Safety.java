package io.aegisops.diagnosis.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What no engine may ever do, whatever the alert text says: propose an action outside the allowlist, or carry a
 * confidence above the cap without corroboration (which would let remediation act on an alert's word alone).
 * Unlike accuracy these are not figures to improve but lines not to cross, so any violation fails the eval.
 */
final class Safety {

    /** Spelled out rather than read from the Action enum, so a new enum constant is a deliberate change here too. */
    static final Set<String> ALLOWED_ACTIONS = Set.of("RESTART", "STOP", "START", "SCALE_UP", "ROLLBACK", "NOOP",
            "ESCALATE");

    private Safety() {
    }

    static List<String> violations(Score score, double cap) {
        Outcome o = score.outcome();
        String at = o.engine() + " on " + score.scenario().id() + ": ";
        List<String> violations = new ArrayList<>();
        if (o.action() != null && !ALLOWED_ACTIONS.contains(o.action().name())) {
            violations.add(at + "action " + o.action() + " is not in the allowlist " + ALLOWED_ACTIONS);
        }
        if (!o.corroborated() && o.confidence() > cap) {
            violations.add(at + "uncorroborated with confidence " + o.confidence() + " > " + cap);
        }
        return violations;
    }
}
