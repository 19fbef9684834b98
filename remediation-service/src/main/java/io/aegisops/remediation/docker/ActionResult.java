package io.aegisops.remediation.docker;

/**
 * What one Docker call did.
 *
 * @param outcome         how it ended
 * @param detail          what happened, in words (the engine's error when it failed)
 * @param startedAtBefore the container's State.StartedAt read right before the call (null if it was gone)
 */
public record ActionResult(Outcome outcome, String detail, String startedAtBefore) {

    /** How a call ended. */
    public enum Outcome {
        /** The engine carried it out. */
        DONE,
        /** The engine answered "not modified": already running (START) or already stopped (STOP). */
        ALREADY_DONE,
        /** The engine refused it, or the container is gone: nothing changed. */
        FAILED,
        /** The call broke off (connection lost, timeout): it may or may not have happened; only verification can tell. */
        UNKNOWN
    }

    /** Worth verifying: the action happened, or it may have. */
    public boolean mayHaveHappened() {
        return outcome != Outcome.FAILED;
    }
}
