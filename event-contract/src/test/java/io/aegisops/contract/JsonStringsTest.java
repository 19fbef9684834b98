package io.aegisops.contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stand-ins' JSON strings: what JSON requires escaped, and what Jackson reads back as the same text. */
class JsonStringsTest {

    @Test
    void shouldEscapeQuotesBackslashesAndControlCharactersAndKeepUnicode() {
        assertThat(JsonStrings.literal("a\"b\\c\nd\re\tf\bg\fh\u0000i\u001fj")).isEqualTo(
                "\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0000i\\u001fj\"");
        assertThat(JsonStrings.literal("ünï 日本 🚀 /")).isEqualTo("\"ünï 日本 🚀 /\"");
    }

    @Test
    void shouldEscapeALoneSurrogateSoItSurvivesUtf8() {
        assertThat(JsonStrings.literal("x\ud83dy")).isEqualTo("\"x\\ud83dy\"");
        assertThat(JsonStrings.literal("x\udc00")).isEqualTo("\"x\\udc00\"");
    }

    @Test
    void shouldBeReadBackAsTheSameTextByAJsonParser() throws Exception {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x300; c++) {
            every.append(c);
        }
        every.append("日本 🚀 \u2028\u2029 lone \ud83d end");

        assertThat(EventCodec.mapper().readValue(JsonStrings.literal(every.toString()), String.class))
                .isEqualTo(every.toString());
    }
}
