package io.aegisops.approval.slack;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static io.aegisops.approval.slack.SlackSignature.Verdict.BAD_TIMESTAMP;
import static io.aegisops.approval.slack.SlackSignature.Verdict.MISMATCH;
import static io.aegisops.approval.slack.SlackSignature.Verdict.STALE;
import static io.aegisops.approval.slack.SlackSignature.Verdict.UNSIGNED;
import static io.aegisops.approval.slack.SlackSignature.Verdict.VALID;
import static org.assertj.core.api.Assertions.assertThat;

/** Slack's v0 request signing, including the example from Slack's documentation. */
class SlackSignatureTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String TIMESTAMP = "1531420618";
    private static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-"
            + "collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGl"
            + "fmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
            .getBytes(StandardCharsets.UTF_8);
    private static final String SLACKS_SIGNATURE =
            "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Instant THEN = Instant.ofEpochSecond(1531420618);

    @Test
    void shouldComputeTheSignatureOfSlacksDocumentedExample() {
        assertThat(SlackSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(SLACKS_SIGNATURE);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SLACKS_SIGNATURE, BODY, THEN, FIVE_MINUTES))
                .isEqualTo(VALID);
    }

    @Test
    void shouldRefuseAnotherBodyAnotherSecretOrAnotherTimestamp() {
        byte[] tampered = "token=xyzz0WbapA4vBCDEFasx0q6G&command=%2Fdelete".getBytes(StandardCharsets.UTF_8);

        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SLACKS_SIGNATURE, tampered, THEN, FIVE_MINUTES))
                .isEqualTo(MISMATCH);
        assertThat(SlackSignature.verify("another-secret", TIMESTAMP, SLACKS_SIGNATURE, BODY, THEN, FIVE_MINUTES))
                .isEqualTo(MISMATCH);
        assertThat(SlackSignature.verify(SECRET, "1531420619", SLACKS_SIGNATURE, BODY, THEN, FIVE_MINUTES))
                .isEqualTo(MISMATCH);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, "v0=" + "0".repeat(64), BODY, THEN, FIVE_MINUTES))
                .isEqualTo(MISMATCH);
    }

    @Test
    void shouldRefuseRequestsOlderOrNewerThanFiveMinutes() {
        Instant sixMinutesLater = THEN.plus(Duration.ofMinutes(6));
        Instant sixMinutesEarlier = THEN.minus(Duration.ofMinutes(6));

        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SLACKS_SIGNATURE, BODY, sixMinutesLater, FIVE_MINUTES))
                .isEqualTo(STALE);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SLACKS_SIGNATURE, BODY, sixMinutesEarlier, FIVE_MINUTES))
                .isEqualTo(STALE);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, SLACKS_SIGNATURE, BODY, THEN.plusSeconds(299),
                FIVE_MINUTES)).isEqualTo(VALID);
    }

    @Test
    void shouldRefuseUnsignedRequestsAndTimestampsThatAreNotNumbers() {
        assertThat(SlackSignature.verify(SECRET, null, SLACKS_SIGNATURE, BODY, THEN, FIVE_MINUTES)).isEqualTo(UNSIGNED);
        assertThat(SlackSignature.verify(SECRET, TIMESTAMP, " ", BODY, THEN, FIVE_MINUTES)).isEqualTo(UNSIGNED);
        assertThat(SlackSignature.verify(SECRET, "2018-07-12", SLACKS_SIGNATURE, BODY, THEN, FIVE_MINUTES))
                .isEqualTo(BAD_TIMESTAMP);
    }
}
