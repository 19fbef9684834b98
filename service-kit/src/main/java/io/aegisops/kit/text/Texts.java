package io.aegisops.kit.text;

/**
 * Text that must fit somewhere: a column, a Slack block, a line shown to a person. One rule everywhere, so a clipped
 * value always says it was clipped and never exceeds the room it was given.
 */
public final class Texts {

    private Texts() {
    }

    /** At most {@code max} characters; a longer text keeps its first {@code max - 1} and ends with {@code …}. */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** Text from outside (a provider, an event) fit to show: control characters replaced by {@code ?}, clipped. */
    public static String shown(String text, int max) {
        return text == null ? null : clip(text.replaceAll("\\p{Cntrl}", "?"), max);
    }
}
