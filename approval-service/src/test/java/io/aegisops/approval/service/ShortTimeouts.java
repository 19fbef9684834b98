package io.aegisops.approval.service;

import io.aegisops.testsupport.AegisInfrastructure;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * T1 and T2 in seconds instead of minutes, and no Slack at all: the timeouts are observed as they happen, and
 * the reminders prove that an unconfigured Slack fails nothing (they are logged).
 */
public class ShortTimeouts implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("aegis.approval.escalate-after", "2s", "aegis.approval.expire-after", "5s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(AegisInfrastructure.class,
                Map.of(AegisInfrastructure.DATABASE, "approval")));
    }

    /** Without the Slack stand-in the other test classes declare. */
    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
