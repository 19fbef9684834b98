package io.aegisops.buggy.watch;

import io.aegisops.buggy.config.BuggyConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.logging.Logger;

/**
 * Installs the {@link LogRingBuffer} on the root logger for the life of the app and hands out its lines.
 * Installed on construction of a {@code @Singleton} (no lazy client proxy): the self-watch is given the real
 * instance when it is built, so its first tick, which may run while start-up is still going on, cannot log an
 * alert before the buffer is listening.
 */
@Startup
@Singleton
public class EvidenceLog {

    private final LogRingBuffer buffer;

    public EvidenceLog(BuggyConfig config) {
        this.buffer = new LogRingBuffer(config.logBufferLines());
        Logger.getLogger("").addHandler(buffer);
    }

    @PreDestroy
    void uninstall() {
        Logger.getLogger("").removeHandler(buffer);
    }

    /** The most recent {@code n} log lines, oldest first. */
    public List<String> last(int n) {
        return buffer.last(n);
    }
}
