package io.aegisops.remediation.docker;

/** The executor refused to touch a container without {@code aegis.enable=true}; nothing was sent to the engine. */
public class NotOptedInException extends RuntimeException {

    public NotOptedInException(String container) {
        super("refused: not opted in (container " + container + " is not labelled aegis.enable=true)");
    }
}
