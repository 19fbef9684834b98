package io.aegisops.diagnosis.similar;

import io.aegisops.contract.Action;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.IncidentStatus;

/**
 * How a past incident ended, in the words a person reading a new diagnosis needs: what was done and who decided
 * it. Built from what this service knows (the incident's last diagnosis and the human decisions it learnt from);
 * remediation's own steps are not seen here, so "fixed by RESTART" means "resolved after RESTART was decided".
 *
 * @param status   RESOLVED or REJECTED
 * @param action   the action decided: a human's override, else the diagnosis' proposal
 * @param proposed the diagnosis' proposal (differs from {@code action} after an override)
 * @param decision the human decision, null when none was recorded
 * @param actor    who decided, null when unknown
 */
public record Outcome(IncidentStatus status, Action action, Action proposed, ApprovalDecision.Kind decision,
                      String actor) {

    /** "approved by alice", "overridden by alice (proposed RESTART)", "decided automatically"… */
    public String decided() {
        String who = actor == null || actor.isBlank() ? "a human" : actor;
        if (decision == null) {
            return isAction(action) ? "decided automatically" : "left to a person";
        }
        return switch (decision) {
            case APPROVE -> "approved by " + who;
            case REJECT -> "rejected by " + who;
            case OVERRIDE -> proposed != null && proposed != action ? "overridden by " + who + " (proposed " + proposed
                    + ")" : "overridden by " + who;
            case EXPIRE -> "approval expired";
            case REQUEST_CHANGES -> "changed at the request of " + who;
        };
    }

    /** What the evidence line says: "fixed by RESTART, approved by alice", "RESTART rejected by bob". */
    public String summary() {
        if (status == IncidentStatus.REJECTED) {
            String by = decision == ApprovalDecision.Kind.REJECT ? decided() : "rejected by humans";
            return action + " " + by;
        }
        return (isAction(action) ? "fixed by " : "resolved after ") + action + ", " + decided();
    }

    /** What the citation's detail starts with after the action: "resolved, approved by alice". */
    public String closing() {
        if (status == IncidentStatus.REJECTED) {
            return decision == ApprovalDecision.Kind.REJECT ? decided() : "rejected by humans";
        }
        return "resolved, " + decided();
    }

    /** An action AegisOps carries out itself, as opposed to handing the incident over (ESCALATE, NOOP). */
    private static boolean isAction(Action action) {
        return action != null && action != Action.ESCALATE && action != Action.NOOP;
    }
}
