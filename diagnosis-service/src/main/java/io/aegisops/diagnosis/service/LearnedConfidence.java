package io.aegisops.diagnosis.service;

import java.util.Locale;

/**
 * A pattern's confidence after learning, with the history behind it, and how to say so in a diagnosis.
 *
 * @param base       the rule's confidence
 * @param confidence what the diagnosis carries: {@code base} unless {@link #adjusted}
 * @param adjusted   false below the sample floor (or with learning off)
 */
public record LearnedConfidence(double base, double confidence, int approved, int rejected, int overridden,
                                boolean adjusted, double priorStrength, int minDecisions) {

    public int decisions() {
        return approved + rejected + overridden;
    }

    /** One evidence line naming the history; null without any. */
    public String evidenceLine(Pattern pattern) {
        if (decisions() == 0) {
            return null;
        }
        return "learning: %s: %d approved, %d rejected, %d overridden by humans".formatted(pattern.describe(),
                approved, rejected, overridden);
    }

    /** A sentence for the justification; null without any history. */
    public String explanation(Pattern pattern) {
        if (decisions() == 0) {
            return null;
        }
        if (!adjusted) {
            return ("Learning: %d human decision(s) on this pattern (%s) so far, %d approved; below %d the rule's "
                    + "confidence %s stands.").formatted(decisions(), pattern.describe(), approved, minDecisions,
                    two(base));
        }
        return ("Learning: humans approved this pattern (%s) %d time(s) and rejected or overrode it %d time(s), so "
                + "its confidence moves from the rule's %s to %s (Beta prior of strength %s centred on the rule).")
                .formatted(pattern.describe(), approved, rejected + overridden, two(base), two(confidence),
                        strength());
    }

    private String strength() {
        return priorStrength == Math.rint(priorStrength) ? Long.toString((long) priorStrength)
                : String.format(Locale.ROOT, "%.1f", priorStrength);
    }

    static String two(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
