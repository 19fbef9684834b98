package io.aegisops.buggy.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records every log line of the app's own packages from before it starts, so a test can see what start-up said
 * (and what it must never say, such as a token). Injected into the test's {@link Lines} field.
 */
public class LogCaptureResource implements QuarkusTestResourceLifecycleManager {

    /** The captured lines, formatted, with their level first ("WARN …"). */
    public static final class Lines {

        private final List<String> lines = new CopyOnWriteArrayList<>();

        public List<String> all() {
            return List.copyOf(lines);
        }
    }

    private final Logger app = Logger.getLogger("io.aegisops.buggy");
    private final Lines lines = new Lines();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            lines.lines.add(record.getLevel() + " " + message);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public Map<String, String> start() {
        app.addHandler(handler);
        return Map.of();
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(lines, new TestInjector.MatchesType(Lines.class));
    }

    @Override
    public void stop() {
        app.removeHandler(handler);
    }
}
