package io.aegisops.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Instant;
import java.util.Map;

import static io.aegisops.e2e.Stack.at;

/**
 * A test class's own buggy-app target ({@link BuggyInstance}) and the life cycle every such class needs: started
 * once for the class and removed after it; before each case healthy, fault-free and without open incidents, with
 * {@link #since()} marking the case's start; after each case its faults reset. Register with
 * {@code @RegisterExtension static final OwnBuggyApp TARGET = OwnBuggyApp.labelled(...)}.
 */
public final class OwnBuggyApp implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final String prefix;
    private final Map<String, String> labels;
    private final Map<String, String> env;
    private BuggyInstance app;
    private Instant since;

    private OwnBuggyApp(String prefix, Map<String, String> labels, Map<String, String> env) {
        this.prefix = prefix;
        this.labels = Map.copyOf(labels);
        this.env = Map.copyOf(env);
    }

    /** @param labels the policy labels of the target (aegis.enable, service and health URL are always set) */
    public static OwnBuggyApp labelled(String prefix, Map<String, String> labels) {
        return new OwnBuggyApp(prefix, labels, Map.of());
    }

    /** As {@link #labelled(String, Map)}, with extra environment for the app (e.g. its self-watch thresholds). */
    public static OwnBuggyApp labelled(String prefix, Map<String, String> labels, Map<String, String> env) {
        return new OwnBuggyApp(prefix, labels, env);
    }

    public BuggyInstance app() {
        return app;
    }

    /** The service name incidents of the target carry. */
    public String name() {
        return app.name;
    }

    /** When the current case started (after the target was made healthy). */
    public Instant since() {
        return since;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        app = BuggyInstance.start(prefix, labels, env);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        app.healthyAndFaultFree();
        Incidents.resolveOpen(app.name);
        since = Instant.now();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (app.running()) {
            at(app.url()).post("/faults/reset");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (app != null) {
            app.close();
            Incidents.resolveOpen(app.name);
        }
    }
}
