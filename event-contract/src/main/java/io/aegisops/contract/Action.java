package io.aegisops.contract;

/** What a diagnosis proposes and remediation may do. Only some actions are ever taken without a human. */
public enum Action {
    /** Restart the container (also starts it when it has exited). */
    RESTART,
    /** Stop the container. */
    STOP,
    /** Start a stopped container. */
    START,
    /** Add replicas. */
    SCALE_UP,
    /** Go back to the previous image. */
    ROLLBACK,
    /** Nothing to do: the condition cleared or is harmless. */
    NOOP,
    /** Hand to a human: no safe automatic action is known. */
    ESCALATE
}
