package io.aegisops.monitor.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stable identities for alert conditions. Alertmanager brings its own fingerprint; for everything else the
 * same condition (source, type, target, container) must always get the same one, whatever the map order.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String of(String... parts) {
        return sha256(String.join("\u001f", nullSafe(parts)));
    }

    /** Order-independent fingerprint of a label set, as Alertmanager computes identity from labels. */
    public static String ofLabels(Map<String, String> labels) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> canonical.append(k).append('\u001e').append(v).append('\u001f'));
        return sha256(canonical.toString());
    }

    private static String[] nullSafe(String[] parts) {
        String[] copy = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            copy[i] = parts[i] == null ? "" : parts[i];
        }
        return copy;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
