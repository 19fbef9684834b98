package io.aegisops.buggy.fault;

/**
 * Ends the process. An interface so that tests can prove the crash paths ask for the right exit code without
 * ending the test JVM; production uses {@link HaltingTerminator}.
 */
@FunctionalInterface
public interface Terminator {

    /** Ends the process with the given exit code; in production this never returns. */
    void terminate(int exitCode);
}
