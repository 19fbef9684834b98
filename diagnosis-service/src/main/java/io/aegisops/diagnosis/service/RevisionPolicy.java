package io.aegisops.diagnosis.service;

import java.util.Optional;

/**
 * When an incident earns a new diagnosis revision: the first time it is diagnosed, and afterwards only when
 * new evidence changes the conclusion. Remediation acts on the latest revision, so each revision may trigger
 * a decision; re-issuing the same conclusion for every joined alert would ask humans the same question again.
 */
public final class RevisionPolicy {

    /** What to do with a fresh proposal. */
    public enum Verdict {
        /** Nothing has been issued yet: issue revision 1. */
        FIRST,
        /** The conclusion changed: issue the next revision. */
        REVISE,
        /** Same conclusion as the current revision: issue nothing. */
        KEEP
    }

    private RevisionPolicy() {
    }

    /**
     * @param current  the conclusion of the latest issued revision, empty if none
     * @param proposed the conclusion the diagnosers reach now
     */
    public static Verdict decide(Optional<Conclusion> current, Conclusion proposed) {
        if (current.isEmpty()) {
            return Verdict.FIRST;
        }
        return current.get().equals(proposed) ? Verdict.KEEP : Verdict.REVISE;
    }
}
