package io.aegisops.kit.auth;

import java.util.Optional;

/**
 * Tells whose a bearer token is. Every service but the identity owner asks approval-service
 * ({@link RemoteTokenVerifier}); approval-service answers from its own store.
 */
public interface TokenVerifier {

    /**
     * @return the caller, or empty when the token is unknown, expired, revoked or its principal disabled
     * @throws IdentityUnavailableException when the answer cannot be had right now
     */
    Optional<VerifiedCaller> verify(String token);
}
