package io.aegisops.diagnosis.runbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One {@code ##} section of a runbook: the unit that is embedded, retrieved and cited, so that a diagnosis points at
 * the few lines that matter rather than at a whole file.
 *
 * @param id       {@code <file>#<slug of the section heading>}, e.g. {@code oom-killed.md#facts-that-confirm-it}
 * @param runbook  the file name, e.g. {@code oom-killed.md}
 * @param title    the runbook's {@code #} heading
 * @param section  the section's {@code ##} heading
 * @param position the section's place in its runbook, from 0
 * @param text     the section's body, without its heading
 */
public record RunbookSection(String id, String runbook, String title, String section, int position, String text) {

    /** What is embedded: the headings give a short section its context ("OOM killed — Verify"). */
    public String embeddedText() {
        return title + " — " + section + "\n" + text;
    }

    /** "OOM killed — Verify": how people see the section in citations and evidence. */
    public String label() {
        return title + " — " + section;
    }

    /**
     * Changes whenever the embedding would: the text, its headings, or the model that embeds it. Indexing skips a
     * section whose stored hash is equal.
     */
    public String contentHash(String modelId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((modelId + "\n" + runbook + "\n" + position + "\n" + embeddedText())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The first words of the section on one line, for an excerpt or a citation's detail. */
    public String excerpt(int maxChars) {
        String flat = text.replaceAll("(?m)^\\s*[-*]\\s+", "").replaceAll("\\s+", " ").trim();
        return flat.length() <= maxChars ? flat : flat.substring(0, maxChars - 1).stripTrailing() + "…";
    }
}
