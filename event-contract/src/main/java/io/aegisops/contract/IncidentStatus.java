package io.aegisops.contract;

import java.util.EnumSet;
import java.util.Set;

/**
 * The incident lifecycle of docs/architecture.md. Only RESOLVED and REJECTED close an incident: an ESCALATED
 * incident still needs a person, so further alerts about its target keep joining it instead of opening a
 * storm of new incidents that would each be escalated again.
 */
public enum IncidentStatus {
    OPEN,
    DIAGNOSED,
    AWAITING_APPROVAL,
    REMEDIATING,
    VERIFYING,
    RESOLVED,
    FAILED,
    REJECTED,
    ESCALATED;

    private static final Set<IncidentStatus> CLOSED = EnumSet.of(RESOLVED, REJECTED);

    /** A closed incident no longer collects alerts: the next alert for its target opens a new incident. */
    public boolean isClosed() {
        return CLOSED.contains(this);
    }
}
