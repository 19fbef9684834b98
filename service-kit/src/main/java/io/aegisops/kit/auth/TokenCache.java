package io.aegisops.kit.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Remembers verified tokens for {@link AuthConfig#cacheTtl()}, so an alert storm or a busy war room costs one
 * question to the identity owner per token and half-minute, not one per request. Only successes are remembered: an
 * unknown token is asked about every time, and a token revoked at the owner stops working here when its entry
 * expires. Keys are the tokens' SHA-256, so no raw credential sits in the map.
 */
@ApplicationScoped
public class TokenCache {

    private final TokenVerifier verifier;
    private final Cache<String, VerifiedCaller> verified;

    public TokenCache(TokenVerifier verifier, AuthConfig config) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(config.cacheTtl())
                .maximumSize(config.cacheSize())
                .build();
    }

    /** Blocking: may ask the identity owner. */
    public Optional<VerifiedCaller> verify(String token) {
        String key = sha256(token);
        VerifiedCaller known = verified.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<VerifiedCaller> caller = verifier.verify(token);
        caller.ifPresent(c -> verified.put(key, c));
        return caller;
    }

    /** Forget everything, e.g. at the owner when a token is revoked or a role changes. */
    public void invalidateAll() {
        verified.invalidateAll();
    }

    /** The hex SHA-256 of a token: how the identity store keeps tokens too. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
