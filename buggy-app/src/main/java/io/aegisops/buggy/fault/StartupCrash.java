package io.aegisops.buggy.fault;

import io.aegisops.buggy.config.BuggyConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The "release that cannot boot": with {@code AEGIS_CRASH_ON_START} set, the app starts, says why it is about to
 * die, and exits with that code, every time. Restarting cannot cure it, which is exactly what the platform must
 * learn to notice (a restart budget, then escalation).
 */
@ApplicationScoped
public class StartupCrash {

    private final BuggyConfig config;
    private final CrashFault crash;

    public StartupCrash(BuggyConfig config, CrashFault crash) {
        this.config = config;
        this.crash = crash;
    }

    void onStart(@Observes StartupEvent event) {
        config.crashOnStart().ifPresent(code -> crash.schedule(code,
                "crash on start-up requested by AEGIS_CRASH_ON_START / buggy.crash-on-start=" + code
                        + " (simulated broken release)"));
    }
}
