package io.aegisops.approval.service;

import java.time.Duration;

/** Durations as people write them ("5m", "30s", "1h 30m") for messages and reasons. */
public final class Durations {

    private Durations() {
    }

    public static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(text.isEmpty() ? "" : " ").append(minutes).append('m');
        }
        if (rest > 0) {
            text.append(text.isEmpty() ? "" : " ").append(rest).append('s');
        }
        return text.toString();
    }
}
