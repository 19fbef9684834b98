package io.aegisops.approval.identity;

import io.aegisops.kit.auth.TokenVerifier;
import io.aegisops.kit.auth.VerifiedCaller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The identity owner verifies tokens from its own store rather than by asking itself over HTTP; with an OIDC issuer
 * configured, a JWT is checked against the issuer instead ({@link OidcTokens}).
 */
@ApplicationScoped
public class StoredTokenVerifier implements TokenVerifier {

    private final IdentityStore store;
    private final OidcTokens oidc;

    public StoredTokenVerifier(IdentityStore store, OidcTokens oidc) {
        this.store = store;
        this.oidc = oidc;
    }

    @Override
    public Optional<VerifiedCaller> verify(String token) {
        if (oidc.enabled() && OidcTokens.looksLikeJwt(token)) {
            return oidc.verify(token);
        }
        return store.verify(token);
    }
}
