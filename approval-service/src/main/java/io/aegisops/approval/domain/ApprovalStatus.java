package io.aegisops.approval.domain;

import io.aegisops.contract.ApprovalDecision;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an approval stands. PENDING and ESCALATED are both still open to a decision: escalation only means
 * nobody answered within the first timeout and people were reminded more loudly.
 */
public enum ApprovalStatus {
    PENDING,
    ESCALATED,
    APPROVED,
    REJECTED,
    OVERRIDDEN,
    CHANGES_REQUESTED,
    EXPIRED;

    private static final Set<ApprovalStatus> DECIDABLE = EnumSet.of(PENDING, ESCALATED);

    public boolean isDecidable() {
        return DECIDABLE.contains(this);
    }

    /** The status a decision of this kind leaves the approval in. */
    public static ApprovalStatus after(ApprovalDecision.Kind decision) {
        return switch (decision) {
            case APPROVE -> APPROVED;
            case REJECT -> REJECTED;
            case OVERRIDE -> OVERRIDDEN;
            case REQUEST_CHANGES -> CHANGES_REQUESTED;
            case EXPIRE -> EXPIRED;
        };
    }
}
