package io.aegisops.approval.slack;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets never reach a log line or the notifications API. */
class RedactorTest {

    @Test
    void shouldMaskEverySecretWhereverItAppears() {
        Redactor redactor = new Redactor(List.of("https://hooks.slack.com/services/T0/B0/abcdef", "xoxb-123456789"));

        assertThat(redactor.scrub("POST https://hooks.slack.com/services/T0/B0/abcdef failed; token xoxb-123456789"))
                .isEqualTo("POST [redacted] failed; token [redacted]");
        assertThat(redactor.scrub(null)).isNull();
    }

    @Test
    void shouldLeaveShortValuesAloneSoOrdinaryTextSurvives() {
        assertThat(new Redactor(List.of("a")).scrub("a cat")).isEqualTo("a cat");
    }
}
