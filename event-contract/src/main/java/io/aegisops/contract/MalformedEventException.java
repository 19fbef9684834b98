package io.aegisops.contract;

/** A record on an AegisOps topic that cannot be read; consumers dead-letter it instead of retrying forever. */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
