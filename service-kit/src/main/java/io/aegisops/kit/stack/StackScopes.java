package io.aegisops.kit.stack;

import io.aegisops.contract.StackScope;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes this service's {@link StackScope} injectable, from {@link StackConfig}. */
@Singleton
public class StackScopes {

    @Produces
    @Singleton
    StackScope scope(StackConfig config) {
        return new StackScope(config.name(), config.claimedOnly());
    }
}
