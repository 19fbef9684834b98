package io.aegisops.diagnosis.service;

/**
 * Adjusts a rule's confidence by what humans decided about its pattern. The rule's confidence is a Beta prior
 * worth {@code n0} decisions: a0 = base·n0, b0 = (1 − base)·n0. After A approvals and R rejections (an
 * override counts as a rejection of the proposed action) the confidence is the posterior mean
 * (a0 + A) / (n0 + A + R). Below {@code k} decisions nothing moves, so one early click cannot flip a pattern
 * between "ask" and "act". A pattern approved again and again climbs past the auto threshold; a rejected one
 * falls towards escalation.
 */
public final class BetaConfidence {

    private final double priorStrength;
    private final int minDecisions;

    /**
     * @param priorStrength n0, at least 1
     * @param minDecisions  k, at least 1
     */
    public BetaConfidence(double priorStrength, int minDecisions) {
        if (!(priorStrength >= 1)) {
            throw new IllegalArgumentException("prior strength must be at least 1, got " + priorStrength);
        }
        if (minDecisions < 1) {
            throw new IllegalArgumentException("the decision floor must be at least 1, got " + minDecisions);
        }
        this.priorStrength = priorStrength;
        this.minDecisions = minDecisions;
    }

    public LearnedConfidence apply(double base, int approved, int rejected, int overridden) {
        if (!(base >= 0 && base <= 1)) {
            throw new IllegalArgumentException("base confidence must be between 0 and 1, got " + base);
        }
        if (approved < 0 || rejected < 0 || overridden < 0) {
            throw new IllegalArgumentException("decision counts cannot be negative");
        }
        int decisions = approved + rejected + overridden;
        if (decisions < minDecisions) {
            return new LearnedConfidence(base, base, approved, rejected, overridden, false, priorStrength,
                    minDecisions);
        }
        double alpha = base * priorStrength + approved;
        double posterior = alpha / (priorStrength + decisions);
        return new LearnedConfidence(base, round(posterior), approved, rejected, overridden, true, priorStrength,
                minDecisions);
    }

    /** Four decimals: enough for any threshold, and stable when stored and compared. */
    private static double round(double value) {
        return Math.min(1, Math.max(0, Math.round(value * 10_000) / 10_000.0));
    }
}
