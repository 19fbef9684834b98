package io.aegisops.remediation.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where one remediation stands. The transitions are the "never twice" guarantee written down: an action is
 * only ever run from PENDING (a committed intent), a PENDING row moves to ACTING in the commit that precedes the
 * Docker call, and nothing leads back to PENDING from ACTING or later. A remediation that was ACTING when the
 * service died can therefore only go on to VERIFYING: it is checked, never repeated.
 *
 * <pre>
 *  (diagnosis) ─▶ NO_ACTION | ESCALATED | AWAITING_APPROVAL | PENDING
 *  AWAITING_APPROVAL ─▶ PENDING (approved/overridden) | REJECTED | ESCALATED | CHANGES_REQUESTED
 *  CHANGES_REQUESTED ─▶ (revised diagnosis) NO_ACTION | ESCALATED | AWAITING_APPROVAL | PENDING
 *  PENDING ─▶ ACTING ─▶ VERIFYING ─▶ RESOLVED | ESCALATED (failed)
 *             ACTING ─▶ ESCALATED (refused or failed)
 * </pre>
 */
public enum RemediationState {
    /** An approval request is out; waiting for the first decision. */
    AWAITING_APPROVAL,
    /** A human asked for changes; waiting for a revised diagnosis. */
    CHANGES_REQUESTED,
    /** The intent to act is committed; a worker will run it. */
    PENDING,
    /** Marked started (committed) right before the Docker call; the outcome is not yet recorded. */
    ACTING,
    /** The action ran (or its outcome is unknown after a crash); health is being checked. */
    VERIFYING,
    RESOLVED,
    ESCALATED,
    REJECTED,
    NO_ACTION;

    /** States a remediation may start in, when its first diagnosis is decided. */
    private static final Set<RemediationState> DECISIONS = EnumSet.of(NO_ACTION, ESCALATED, AWAITING_APPROVAL, PENDING);

    private static final Map<RemediationState, Set<RemediationState>> NEXT = Map.of(
            AWAITING_APPROVAL, EnumSet.of(PENDING, REJECTED, ESCALATED, CHANGES_REQUESTED),
            CHANGES_REQUESTED, DECISIONS,
            PENDING, EnumSet.of(ACTING),
            ACTING, EnumSet.of(VERIFYING, ESCALATED),
            VERIFYING, EnumSet.of(RESOLVED, ESCALATED));

    /** True for a first decision (from nothing) or an allowed move. */
    public static boolean canMove(RemediationState from, RemediationState to) {
        if (to == null) {
            return false;
        }
        if (from == null) {
            return DECISIONS.contains(to);
        }
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /** No further transition: the remediation is over. */
    public boolean isFinal() {
        return NEXT.getOrDefault(this, Set.of()).isEmpty();
    }

    /** An action may be running against the container (or its outcome is unknown). */
    public boolean isInFlight() {
        return this == ACTING || this == VERIFYING;
    }
}
