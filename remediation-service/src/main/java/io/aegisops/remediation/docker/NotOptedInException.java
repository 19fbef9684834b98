package io.aegisops.remediation.docker;

/**
 * The executor refused to touch a container that is not this stack's: not labelled {@code aegis.enable=true}, or
 * another AegisOps stack's ({@code aegis.stack}); nothing was sent to the engine.
 */
public class NotOptedInException extends RuntimeException {

    public NotOptedInException(String container) {
        super("refused: not opted in (container " + container + " is not labelled aegis.enable=true)");
    }

    /** @param why the scope's reason ({@link io.aegisops.contract.StackScope#excluded}) */
    public NotOptedInException(String container, String why) {
        super(why.startsWith("it is not labelled") ? "refused: not opted in (container " + container + " is not"
                + " labelled aegis.enable=true)" : "refused: not this stack's container (" + container + ": " + why + ")");
    }
}
