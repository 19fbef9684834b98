package io.aegisops.approval.identity;

import io.aegisops.kit.auth.TokenVerifier;
import io.aegisops.kit.auth.VerifiedCaller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The identity owner verifies tokens from its own store rather than by asking itself over HTTP. */
@ApplicationScoped
public class StoredTokenVerifier implements TokenVerifier {

    private final IdentityStore store;

    public StoredTokenVerifier(IdentityStore store) {
        this.store = store;
    }

    @Override
    public Optional<VerifiedCaller> verify(String token) {
        return store.verify(token);
    }
}
