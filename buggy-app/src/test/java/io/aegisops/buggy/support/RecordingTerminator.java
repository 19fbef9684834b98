package io.aegisops.buggy.support;

import io.aegisops.buggy.fault.Terminator;
import io.quarkus.test.Mock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replaces the halting terminator in every {@code @QuarkusTest}, so crash paths can be exercised without ending
 * the test JVM. Static because the {@code @Mock} stereotype is dependent-scoped: every injection point gets its
 * own instance, but all of them must report to the test.
 */
@Mock
public class RecordingTerminator implements Terminator {

    private static final List<Integer> EXIT_CODES = new CopyOnWriteArrayList<>();

    @Override
    public void terminate(int exitCode) {
        EXIT_CODES.add(exitCode);
    }

    /** Exit codes asked for so far by any app started in this JVM, in order. */
    public static List<Integer> exitCodes() {
        return List.copyOf(EXIT_CODES);
    }
}
