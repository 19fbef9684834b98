package io.aegisops.monitor.docker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Turning the raw log bytes of a container into bounded evidence lines. */
class ContainerLogsTest {

    @Test
    void shouldKeepTheLastLinesOldestFirst() {
        assertThat(ContainerLogs.lastLines("one\ntwo\nthree\nfour\n", 2)).containsExactly("three", "four");
    }

    @Test
    void shouldKeepAnUnterminatedLastLineAndDropCarriageReturns() {
        assertThat(ContainerLogs.lastLines("one\r\ntwo", 5)).containsExactly("one", "two");
    }

    @Test
    void shouldKeepBlankLinesInsideTheOutput() {
        assertThat(ContainerLogs.lastLines("a\n\nb\n", 5)).containsExactly("a", "", "b");
    }

    @Test
    void shouldReturnNothingForAnEmptyLog() {
        assertThat(ContainerLogs.lastLines("", 5)).isEmpty();
    }

    @Test
    void shouldTruncateARunawayLine() {
        String huge = "x".repeat(5000);

        assertThat(ContainerLogs.lastLines(huge + "\n", 5)).singleElement().asString()
                .hasSize(ContainerLogs.MAX_LINE_CHARS + 1).endsWith("…");
    }

    @Test
    void shouldReadNothingWhenNoLinesAreWanted() {
        assertThat(new ContainerLogs(null).tail("any", 0)).isEmpty();
    }
}
