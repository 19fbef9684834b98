package io.aegisops.remediation.service;

import java.util.Locale;
import java.util.Map;

import io.aegisops.contract.Labels;

/**
 * The per-target wish of its owners, from the {@code aegis.policy} label. Exists as a type so that a typo in the
 * label can only ever make AegisOps more careful: anything but {@code auto} (or no label) means ask a human.
 */
public enum TargetPolicy {
    AUTO,
    MANUAL;

    /** Absent label: {@code auto}; {@code auto}/{@code manual} in any case; anything else: MANUAL. */
    public static TargetPolicy fromLabels(Map<String, String> labels) {
        String raw = labels == null ? null : labels.get(Labels.POLICY);
        if (raw == null || raw.isBlank()) {
            return AUTO;
        }
        return "auto".equals(raw.trim().toLowerCase(Locale.ROOT)) ? AUTO : MANUAL;
    }

    /** True when the label holds a value other than auto/manual, so the caller can warn about it. */
    public static boolean isUnrecognised(Map<String, String> labels) {
        String raw = labels == null ? null : labels.get(Labels.POLICY);
        if (raw == null || raw.isBlank()) {
            return false;
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        return !value.equals("auto") && !value.equals("manual");
    }
}
