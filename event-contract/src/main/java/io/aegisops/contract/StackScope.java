package io.aegisops.contract;

import java.util.Map;
import java.util.Optional;

/**
 * Which opted-in containers one AegisOps stack looks after, so two stacks on one engine never act on each other's
 * containers: the test suite's stack beside the one a user is running, or a staging stack beside production. A
 * container opts in with {@code aegis.enable=true}; one that also names a stack ({@code aegis.stack}) belongs to that
 * stack alone; one that names none belongs to every stack that takes unclaimed containers (the default, so a user's
 * own services need only the opt-in label). A stack that is {@code claimedOnly} looks after nothing but its own.
 *
 * @param name        this stack's name (the Compose project: {@code aegisops}, the suite's {@code aegisops-test})
 * @param claimedOnly true to leave containers that name no stack alone
 */
public record StackScope(String name, boolean claimedOnly) {

    /** The default stack's scope ({@code aegis.stack.name=aegisops}, unclaimed containers included). */
    public static final StackScope DEFAULT = new StackScope("aegisops", false);

    public StackScope {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a stack needs a name (aegis.stack.name, env AEGIS_STACK)");
        }
        name = name.trim();
    }

    /** True when the container opted in and is this stack's to watch and touch. */
    public boolean includes(Map<String, String> labels) {
        return excluded(labels).isEmpty();
    }

    /** Why this stack leaves the container alone, if it does: not opted in, or another stack's. */
    public Optional<String> excluded(Map<String, String> labels) {
        if (!Labels.isEnabled(labels)) {
            return Optional.of("it is not labelled " + Labels.ENABLE + "=true");
        }
        String stack = labels.getOrDefault(Labels.STACK, "").trim();
        if (stack.isEmpty()) {
            return claimedOnly ? Optional.of("it names no stack (" + Labels.STACK + ") and stack '" + name
                    + "' looks only after its own") : Optional.empty();
        }
        return stack.equals(name) ? Optional.empty()
                : Optional.of("it belongs to AegisOps stack '" + stack + "' (" + Labels.STACK + "), not to '" + name
                + "'");
    }
}
