package io.aegisops.kit.stack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which AegisOps stack this service is part of, and so which opted-in containers it watches and touches
 * ({@link io.aegisops.contract.StackScope}). Compose passes its project name, so the test suite's stack and a user's
 * stack on the same engine leave each other's containers alone.
 */
@ConfigMapping(prefix = "aegis.stack")
public interface StackConfig {

    /** This stack's name ({@code AEGIS_STACK}): containers labelled {@code aegis.stack} with another are not ours. */
    @WithDefault("aegisops")
    String name();

    /**
     * True to leave alone also the opted-in containers that name no stack ({@code AEGIS_STACK_CLAIMED_ONLY}); the test
     * suite's stack runs so, to never touch a user's own services.
     */
    @WithDefault("false")
    boolean claimedOnly();
}
