package io.aegisops.diagnosis.rules;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateTest {

    @Test
    void shouldFillEveryPlaceholderFromTheValues() {
        String text = Template.fill("{service} exited with {exitCode}; {exitCode} means SIGKILL",
                Map.of("service", "checkout", "exitCode", "137"));

        assertThat(text).isEqualTo("checkout exited with 137; 137 means SIGKILL");
    }

    @Test
    void shouldSayUnknownForAPlaceholderWithoutAValue() {
        assertThat(Template.fill("exit code {exitCode}", Map.of())).isEqualTo("exit code unknown");
        assertThat(Template.fill("exit code {exitCode}", Map.of("exitCode", " "))).isEqualTo("exit code unknown");
    }

    @Test
    void shouldLeaveBracesThatAreNoPlaceholderAlone() {
        assertThat(Template.fill("json {} and { spaced } and {1st}", Map.of("spaced", "x")))
                .isEqualTo("json {} and { spaced } and {1st}");
    }

    @Test
    void shouldNotInterpretDollarsOrBackslashesInValues() {
        assertThat(Template.fill("cost {price}", Map.of("price", "$1\\2"))).isEqualTo("cost $1\\2");
    }
}
