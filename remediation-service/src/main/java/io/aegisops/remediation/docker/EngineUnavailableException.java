package io.aegisops.remediation.docker;

/** The Docker engine could not be asked (socket missing, engine down); distinct from an engine that said no. */
public class EngineUnavailableException extends RuntimeException {

    public EngineUnavailableException(Throwable cause) {
        super("the Docker engine cannot be asked right now (" + cause.getClass().getSimpleName() + ")", cause);
    }
}
