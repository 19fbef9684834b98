package io.aegisops.remediation.docker;

import io.aegisops.contract.Labels;
import io.aegisops.contract.StackScope;

import java.util.Map;
import java.util.Optional;

/**
 * The executor refused to touch a container that is not this stack's: not labelled {@code aegis.enable=true}, or
 * another AegisOps stack's ({@code aegis.stack}); nothing was sent to the engine.
 */
public class NotOptedInException extends RuntimeException {

    private NotOptedInException(String message) {
        super(message);
    }

    /** The refusal {@code scope} makes of the container, in words for the timeline; empty when it is ours. */
    public static Optional<NotOptedInException> refusing(String container, Map<String, String> labels,
                                                         StackScope scope) {
        return scope.excluded(labels).map(why -> new NotOptedInException(Labels.isEnabled(labels)
                ? "refused: not this stack's container (" + container + ": " + why + ")"
                : "refused: not opted in (container " + container + " is not labelled " + Labels.ENABLE + "=true)"));
    }
}
