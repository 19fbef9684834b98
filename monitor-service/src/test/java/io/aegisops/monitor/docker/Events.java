package io.aegisops.monitor.docker;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import com.github.dockerjava.api.model.EventType;
import io.aegisops.contract.Labels;

import java.util.HashMap;
import java.util.Map;

/** Builds engine events the way docker-java decodes them, for tests that need no engine. */
final class Events {

    static final long T0 = 1_700_000_000_123_456_789L;
    static final long SECOND = 1_000_000_000L;

    private Events() {
    }

    static Map<String, String> labelled(String name) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(Labels.ENABLE, "true");
        attributes.put("name", name);
        attributes.put("image", "aegisops/buggy-app:latest");
        return attributes;
    }

    static Event container(String id, String action, long timeNanos, Map<String, String> attributes) {
        return new Event(action, id, "aegisops/buggy-app:latest", timeNanos / SECOND)
                .withType(EventType.CONTAINER)
                .withAction(action)
                .withTimenano(timeNanos)
                .withEventActor(new EventActor().withId(id).withAttributes(attributes));
    }

    static Event die(String id, long timeNanos, int exitCode, Map<String, String> attributes) {
        Map<String, String> withCode = new HashMap<>(attributes);
        withCode.put("exitCode", Integer.toString(exitCode));
        return container(id, "die", timeNanos, withCode);
    }

    static Event kill(String id, long timeNanos, int signal, Map<String, String> attributes) {
        Map<String, String> withSignal = new HashMap<>(attributes);
        withSignal.put("signal", Integer.toString(signal));
        return container(id, "kill", timeNanos, withSignal);
    }
}
