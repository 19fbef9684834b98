package io.aegisops.remediation.docker;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * What shows that a restart really happened. Exists because a healthy container proves nothing by itself: a
 * restart whose call never reached the engine (the process died first, the connection broke) leaves the same
 * healthy container behind, and calling that RESOLVED would record a fix nobody made. The proof is a new run:
 * State.StartedAt differs from the one read right before the call, or, when that read was never recorded (the
 * owner died mid-action), the run began at or after the action was claimed.
 *
 * @param startedAtBefore State.StartedAt read right before the call; null when it was not recorded
 * @param actionBegan     when the action was claimed, before any call to the engine
 */
public record RestartProof(String startedAtBefore, OffsetDateTime actionBegan) {

    public RestartProof {
        Objects.requireNonNull(actionBegan, "actionBegan");
    }

    /** Null when {@code startedAtNow} is a run that began with this action, else what is missing, in words. */
    public String missing(String startedAtNow) {
        if (startedAtNow == null) {
            return "the container's State.StartedAt is unreadable, so no restart can be proven";
        }
        if (startedAtBefore != null) {
            return startedAtNow.equals(startedAtBefore) ? stillTheOldRun(startedAtNow) : null;
        }
        try {
            return OffsetDateTime.parse(startedAtNow).isBefore(actionBegan) ? stillTheOldRun(startedAtNow) : null;
        } catch (DateTimeParseException e) {
            return "the container's State.StartedAt '" + startedAtNow + "' is not a time, so no restart can be proven";
        }
    }

    private static String stillTheOldRun(String startedAt) {
        return "no restart happened: the container still runs the start of " + startedAt + ", from before the action";
    }
}
