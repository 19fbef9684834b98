package io.aegisops.llmstandin;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The parser reads back what the escaper (event-contract's {@code JsonStrings}, tested there) writes, for every
 * character a prompt may hold.
 */
class JsonTest {

    @Test
    void shouldReadBackALoneSurrogateItWritesEscaped() {
        assertThat(Json.parse(Json.string("x\ud83dy"))).isEqualTo("x\ud83dy");
    }

    @Test
    void shouldReadBackEverythingItWrites() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x300; c++) {
            every.append(c);
        }
        every.append("日本 🚀 \u2028\u2029");

        assertThat(Json.parse(Json.string(every.toString()))).isEqualTo(every.toString());
    }

    @Test
    void shouldParseObjectsArraysNumbersLiteralsAndEscapes() {
        Object value = Json.parse(" {\"a\": [1, -2.5e3, true, false, null, {}], \"b\": \"\\u00fc\\ud83d\\ude80\\/\"} ");

        assertThat(value).isInstanceOf(Map.class);
        Map<?, ?> map = (Map<?, ?>) value;
        assertThat((List<?>) map.get("a")).isEqualTo(Arrays.asList(
                new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false, null, Map.of()));
        assertThat(map.get("b")).isEqualTo("ü🚀/");
    }

    @Test
    void shouldRefuseWhatIsNotJson() {
        for (String bad : List.of("", "{", "{\"a\":1,}", "[1 2]", "\"raw\ncontrol\"", "tru", "01", "{\"a\":1} x", "'a'")) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not JSON at character");
        }
        assertThatThrownBy(() -> Json.object("[1]")).hasMessage("expected a JSON object");
    }
}
