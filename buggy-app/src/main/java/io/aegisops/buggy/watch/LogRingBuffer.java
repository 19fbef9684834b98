package io.aegisops.buggy.watch;

import org.jboss.logmanager.formatters.PatternFormatter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Keeps the app's last log lines in memory so an alert can carry them as evidence: by the time anyone looks,
 * the container that wrote them may have been restarted and its logs gone. A plain JUL handler, which the JBoss
 * LogManager behind Quarkus accepts on its root logger.
 */
public final class LogRingBuffer extends Handler {

    private final int capacity;
    private final ArrayDeque<String> lines;

    public LogRingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.lines = new ArrayDeque<>(capacity);
        setLevel(Level.INFO);
        setFormatter(new PatternFormatter("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5p [%c{3.}] (%t) %s%e"));
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        String line;
        try {
            line = format(getFormatter(), record);
        } catch (RuntimeException e) {
            line = record.getLevel() + " " + record.getMessage();
        }
        synchronized (lines) {
            if (lines.size() == capacity) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    /** The most recent {@code n} lines, oldest first. */
    public List<String> last(int n) {
        synchronized (lines) {
            int skip = Math.max(0, lines.size() - Math.max(0, n));
            List<String> result = new ArrayList<>(lines.size() - skip);
            int i = 0;
            for (String line : lines) {
                if (i++ >= skip) {
                    result.add(line);
                }
            }
            return result;
        }
    }

    @Override
    public void flush() {
        // Nothing is buffered outside memory.
    }

    @Override
    public void close() {
        synchronized (lines) {
            lines.clear();
        }
    }

    private static String format(Formatter formatter, LogRecord record) {
        String text = formatter.format(record).stripTrailing();
        // Keep one alert from carrying a whole stack trace per line of evidence.
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }
}
