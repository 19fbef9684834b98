package io.aegisops.monitor.postmortem;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes text that AegisOps did not write (alert summaries, log lines, reasons, names) safe to place in Markdown.
 * Exists because a postmortem is rendered by whatever viewer a reader uses: a summary must not open raw HTML, load
 * an image, link somewhere, break a table or start a heading of its own.
 */
final class Markdown {

    /** Line breaks (and other control characters) would end a table row or let data start a block of its own. */
    private static final Pattern BREAKS = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");

    private Markdown() {
    }

    /**
     * One line of data as inert Markdown text: line breaks become spaces, {@code & < >} become entities (no HTML
     * passes through) and the characters that make links, images, code spans and table cells ({@code \ ` [ ] |}) are
     * backslash-escaped. Emphasis characters are left alone: they can change how text looks, not what it does.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String line = BREAKS.matcher(value).replaceAll(" ").strip();
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '[', ']', '|' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A table; cells are written as given, so data in them must already have passed through {@link #text}. */
    static void table(StringBuilder out, List<String> header, List<List<String>> rows) {
        row(out, header);
        row(out, header.stream().map(h -> "---").toList());
        rows.forEach(r -> row(out, r));
        out.append('\n');
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
