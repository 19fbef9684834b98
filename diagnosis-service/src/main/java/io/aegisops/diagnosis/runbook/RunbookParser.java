package io.aegisops.diagnosis.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a runbook into its {@code ##} sections (runbooks/README.md, "Format"). Pure, so the format's edge cases
 * are unit tests; exists apart from {@link RunbookSource} because the shipped and the user's runbooks are read the
 * same way.
 */
public final class RunbookParser {

    private RunbookParser() {
    }

    /**
     * @param fileName the runbook's file name, part of every section id
     * @param markdown its content
     * @return its sections in order; text before the first {@code ##} (the summary, "Alert types") is not a
     * section. Fenced code blocks are kept as they are, headings inside them included.
     * @throws IllegalArgumentException when the file has no {@code #} title or no {@code ##} section
     */
    public static List<RunbookSection> parse(String fileName, String markdown) {
        String title = null;
        String heading = null;
        StringBuilder body = new StringBuilder();
        List<RunbookSection> sections = new ArrayList<>();
        boolean fenced = false;
        for (String line : markdown.split("\\R", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            if (!fenced && title == null && line.startsWith("# ")) {
                title = line.substring(2).trim();
            } else if (!fenced && line.startsWith("## ")) {
                add(sections, fileName, title, heading, body);
                heading = line.substring(3).trim();
                body.setLength(0);
            } else if (heading != null) {
                body.append(line).append('\n');
            }
        }
        add(sections, fileName, title, heading, body);
        if (title == null) {
            throw new IllegalArgumentException("runbook " + fileName + " has no '# ' title");
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("runbook " + fileName + " has no '## ' section");
        }
        return List.copyOf(sections);
    }

    private static void add(List<RunbookSection> sections, String fileName, String title, String heading,
                            StringBuilder body) {
        String text = body.toString().strip();
        if (heading == null || text.isEmpty()) {
            return;
        }
        String id = fileName + "#" + slug(heading);
        if (sections.stream().anyMatch(s -> s.id().equals(id))) {
            throw new IllegalArgumentException("runbook " + fileName + " has two sections named '" + heading + "'");
        }
        sections.add(new RunbookSection(id, fileName, title == null ? fileName : title, heading, sections.size(),
                text));
    }

    /** GitHub's anchor for a heading, so a section id is also a link: "Prevent / root fix" → "prevent--root-fix". */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
