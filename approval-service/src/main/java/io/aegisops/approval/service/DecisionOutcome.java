package io.aegisops.approval.service;

/** What became of a decision: it won, another decision had already won, or there is no such approval. */
public sealed interface DecisionOutcome {

    /** This decision is the approval's decision; it has been published. */
    record Decided(ApprovalView approval) implements DecisionOutcome {
    }

    /** The approval had already been decided (or had expired): {@code approval.decision()} is the winner. */
    record AlreadyDecided(ApprovalView approval) implements DecisionOutcome {
    }

    record Unknown() implements DecisionOutcome {
    }
}
