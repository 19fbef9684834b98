package io.aegisops.buggy.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts a {@link MonitorStandIn} before the app, points {@code buggy.monitor-url} at it and injects it into the
 * test's {@code MonitorStandIn} field. Arg {@code status}: what the stand-in answers (default 202).
 */
public class MonitorStandInResource implements QuarkusTestResourceLifecycleManager {

    private int status = 202;
    private MonitorStandIn standIn;

    @Override
    public void init(Map<String, String> initArgs) {
        status = Integer.parseInt(initArgs.getOrDefault("status", "202"));
    }

    @Override
    public Map<String, String> start() {
        standIn = MonitorStandIn.answering(status);
        return Map.of("buggy.monitor-url", standIn.url());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(standIn, new TestInjector.MatchesType(MonitorStandIn.class));
    }

    @Override
    public void stop() {
        if (standIn != null) {
            standIn.close();
        }
    }
}
