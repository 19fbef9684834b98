package io.aegisops.kit.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The start-up check: a retention shorter than the redelivery window would let an event apply twice. */
class InboxRetentionTest {

    private static InboxRetention with(Duration window, Duration retention) {
        return new InboxRetention(new InboxConfig() {
            @Override
            public Duration redeliveryWindow() {
                return window;
            }

            @Override
            public Duration retention() {
                return retention;
            }
        }, null);
    }

    @Test
    void shouldRefuseToStartWithARetentionShorterThanTheRedeliveryWindowAndSayWhatToRaise() {
        assertThatThrownBy(() -> with(Duration.ofDays(7), Duration.ofDays(1)).checkOnStart(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aegis.inbox.retention (PT24H) is shorter than aegis.inbox.redelivery-window")
                .hasMessageContaining("raise AEGIS_INBOX_RETENTION");
    }

    @Test
    void shouldStartWithTheDefaultsOrAnyRetentionThatCoversTheWindow() {
        assertThatCode(() -> with(Duration.ofDays(7), Duration.ofDays(14)).checkOnStart(null)).doesNotThrowAnyException();
        assertThatCode(() -> with(Duration.ofDays(7), Duration.ofDays(7)).checkOnStart(null)).doesNotThrowAnyException();
    }
}
