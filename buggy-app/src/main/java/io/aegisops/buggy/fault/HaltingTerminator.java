package io.aegisops.buggy.fault;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The real crash. {@link Runtime#halt} rather than {@link System#exit}: a crashing process does not run
 * shutdown hooks, and a graceful shutdown could hang on the very faults (spinning threads, a held lock) that
 * the demo injected.
 */
@ApplicationScoped
public class HaltingTerminator implements Terminator {

    @Override
    public void terminate(int exitCode) {
        Runtime.getRuntime().halt(exitCode);
    }
}
