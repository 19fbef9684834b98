package io.aegisops.approval.slack;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Slack's request signing (v0): {@code X-Slack-Signature = "v0=" + hex(HMAC-SHA256(signing secret,
 * "v0:" + X-Slack-Request-Timestamp + ":" + raw body))}. The comparison takes constant time so the signature
 * cannot be guessed byte by byte, and old timestamps are refused so a captured request cannot be replayed.
 */
public final class SlackSignature {

    public static final String VERSION = "v0";

    /** Why a request was refused, in words for the 401 body; VALID when it was not. */
    public enum Verdict {
        VALID(null),
        UNSIGNED("the request carries no X-Slack-Signature and X-Slack-Request-Timestamp headers"),
        BAD_TIMESTAMP("X-Slack-Request-Timestamp is not a Unix time in seconds"),
        STALE("X-Slack-Request-Timestamp is too far from now: the request may be a replay"),
        MISMATCH("X-Slack-Signature does not match the request");

        public final String problem;

        Verdict(String problem) {
            this.problem = problem;
        }
    }

    private SlackSignature() {
    }

    public static Verdict verify(String secret, String timestamp, String signature, byte[] body, Instant now,
                                 Duration maxAge) {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            return Verdict.UNSIGNED;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > maxAge.toSeconds()) {
            return Verdict.STALE;
        }
        byte[] expected = sign(secret, timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.MISMATCH;
    }

    /** The header value Slack would send for this timestamp and body. */
    public static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
