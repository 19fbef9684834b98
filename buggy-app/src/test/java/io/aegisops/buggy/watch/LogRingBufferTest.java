package io.aegisops.buggy.watch;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class LogRingBufferTest {

    private static LogRecord record(Level level, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("io.aegisops.buggy.fault.LatencyFault");
        return record;
    }

    @Test
    void shouldKeepOnlyTheLastLinesOldestFirst() {
        LogRingBuffer buffer = new LogRingBuffer(3);
        for (int i = 1; i <= 5; i++) {
            buffer.publish(record(Level.INFO, "line " + i));
        }

        assertThat(buffer.last(10)).hasSize(3);
        assertThat(buffer.last(10).get(0)).endsWith("line 3");
        assertThat(buffer.last(2)).satisfiesExactly(
                first -> assertThat(first).endsWith("line 4"),
                second -> assertThat(second).endsWith("line 5"));
        assertThat(buffer.last(0)).isEmpty();
    }

    @Test
    void shouldFormatLevelLoggerAndParameters() {
        LogRingBuffer buffer = new LogRingBuffer(5);
        LogRecord record = record(Level.WARNING, "row lock held for {0} ms");
        record.setParameters(new Object[]{"800"});

        buffer.publish(record);

        assertThat(buffer.last(1).get(0)).contains("WARN").contains("LatencyFault")
                .endsWith("row lock held for 800 ms");
    }

    @Test
    void shouldIgnoreDebugChatter() {
        LogRingBuffer buffer = new LogRingBuffer(5);

        buffer.publish(record(Level.FINE, "noise"));

        assertThat(buffer.last(5)).isEmpty();
    }
}
