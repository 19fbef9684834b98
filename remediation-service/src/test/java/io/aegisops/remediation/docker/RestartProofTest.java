package io.aegisops.remediation.docker;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as proof that a restart happened. */
class RestartProofTest {

    private static final String OLD_RUN = "2026-12-02T10:00:00.123456789Z";
    private static final String NEW_RUN = "2026-12-02T10:05:00.000000001Z";
    private static final OffsetDateTime CLAIMED = OffsetDateTime.parse("2026-12-02T10:04:59Z");

    @Test
    void shouldTakeAChangedStartedAtAsANewRun() {
        assertThat(new RestartProof(OLD_RUN, CLAIMED).missing(NEW_RUN)).isNull();
    }

    @Test
    void shouldRefuseTheSameRunAndSaySo() {
        assertThat(new RestartProof(OLD_RUN, CLAIMED).missing(OLD_RUN))
                .isEqualTo("no restart happened: the container still runs the start of " + OLD_RUN
                        + ", from before the action");
    }

    @Test
    void shouldJudgeByTheClaimTimeWhenTheStartBeforeTheCallWasNeverRecorded() {
        RestartProof proof = new RestartProof(null, CLAIMED);

        assertThat(proof.missing(NEW_RUN)).isNull();
        assertThat(proof.missing(OLD_RUN)).startsWith("no restart happened");
    }

    @Test
    void shouldProveNothingFromAnUnreadableStart() {
        RestartProof proof = new RestartProof(null, CLAIMED);

        assertThat(proof.missing(null)).contains("unreadable");
        assertThat(proof.missing("yesterday")).contains("'yesterday' is not a time");
    }
}
