package io.aegisops.kit.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void shouldKeepAShortTextAndMarkAClippedOneWithinItsRoom() {
        assertThat(Texts.clip("checkout", 8)).isEqualTo("checkout");
        assertThat(Texts.clip("checkout-service", 8)).isEqualTo("checkou…").hasSize(8);
        assertThat(Texts.clip(null, 8)).isNull();
    }

    @Test
    void shouldReplaceControlCharactersInTextFromOutside() {
        assertThat(Texts.shown("line one\nline two\u0007", 100)).isEqualTo("line one?line two?");
        assertThat(Texts.shown("a\tb", 2)).isEqualTo("a…");
    }
}
