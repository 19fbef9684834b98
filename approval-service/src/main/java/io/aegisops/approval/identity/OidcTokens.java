package io.aegisops.approval.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.aegisops.contract.EventCodec;
import io.aegisops.kit.auth.IdentityUnavailableException;
import io.aegisops.kit.auth.Roles;
import io.aegisops.kit.auth.VerifiedCaller;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an OIDC provider's JWT: signature by one of the issuer's published keys (RS/ES/PS, never {@code none} or
 * HMAC), issuer, expiry, audience when a client id is configured; then the name and the strongest AegisOps role its
 * roles claim grants. A token that grants no role is refused like an unknown one. When the issuer cannot be reached
 * the caller gets a 503 (retry), not a 401.
 */
@ApplicationScoped
public class OidcTokens {

    private static final Logger LOG = Logger.getLogger(OidcTokens.class);
    static final String VIA = "oidc";

    private final OidcConfig config;
    private final Map<String, String> mapping;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private volatile JwtConsumer consumer;

    public OidcTokens(OidcConfig config) {
        this.config = config;
        this.mapping = mapping(config.roleMapping().orElse(List.of()));
    }

    /** An external issuer is configured. */
    public boolean enabled() {
        return config.issuer().isPresent();
    }

    /** A compact JWS: three base64url parts. AegisOps' own tokens ({@code aeg_…}) never look like this. */
    public static boolean looksLikeJwt(String token) {
        return token.startsWith("ey") && token.chars().filter(c -> c == '.').count() == 2;
    }

    /** @return the caller, or empty when the token is not valid for this issuer or grants no AegisOps role */
    public Optional<VerifiedCaller> verify(String token) {
        return claims(token).flatMap(this::caller);
    }

    /**
     * Why the dashboard's sign-in through the provider cannot work here, if it cannot: it needs the issuer and the
     * client id, because an ID token is only believed when it was issued to this client.
     */
    public Optional<String> signInUnavailable() {
        if (!enabled()) {
            return Optional.of("sign-in through an OIDC provider is off: set AEGIS_OIDC_ISSUER and"
                    + " AEGIS_OIDC_CLIENT_ID");
        }
        if (config.clientId().isEmpty()) {
            return Optional.of("sign-in through an OIDC provider needs AEGIS_OIDC_CLIENT_ID: an ID token counts only"
                    + " when it was issued to this client");
        }
        return Optional.empty();
    }

    /**
     * An ID token the dashboard received at the end of a sign-in it started: valid like a bearer token (issued to
     * our client id, which {@link #signInUnavailable()} requires) and carrying the nonce the dashboard sent, so a
     * token issued for another sign-in (replayed or injected) is refused.
     */
    public Optional<VerifiedCaller> verifyIdToken(String idToken, String nonce) {
        return claims(idToken).filter(claims -> {
            Object claimed = claims.getClaimValue("nonce");
            boolean matches = claimed instanceof String value && nonce != null && MessageDigest.isEqual(
                    value.getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8));
            if (!matches) {
                LOG.debug("OIDC ID token refused: its nonce is not the one this sign-in sent");
            }
            return matches;
        }).flatMap(this::caller);
    }

    /** The configured issuer, as the ID tokens name it. */
    public String issuer() {
        return config.issuer().map(URI::toString).orElse("");
    }

    private Optional<JwtClaims> claims(String token) {
        try {
            return Optional.of(consumer().processToClaims(token));
        } catch (InvalidJwtException e) {
            if (e.getCause() instanceof UnresolvableKeyException unresolvable
                    && unresolvable.getCause() instanceof IOException) {
                throw new IdentityUnavailableException("the OIDC issuer's keys could not be fetched", e);
            }
            LOG.debugf("OIDC token refused: %s", e.getErrorDetails().isEmpty() ? e.getMessage()
                    : e.getErrorDetails().get(0).getErrorMessage());
            return Optional.empty();
        }
    }

    private Optional<VerifiedCaller> caller(JwtClaims claims) {
        String name = text(claims, config.nameClaim()).or(() -> text(claims, "sub")).orElse(null);
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Set<String> granted = new HashSet<>();
        for (String value : values(claims, config.rolesClaim())) {
            String role = mapping.getOrDefault(value, Roles.LADDER.contains(value) ? value : null);
            if (role != null) {
                granted.add(role);
            }
        }
        String role = Roles.strongest(granted);
        if (!Roles.LADDER.contains(role)) {
            LOG.debugf("OIDC token of %s grants no AegisOps role (claim %s)", name, config.rolesClaim());
            return Optional.empty();
        }
        return Optional.of(new VerifiedCaller(name.trim(), role, VIA));
    }

    /**
     * Built on first use (a failed discovery is tried again on the next token). Built once: the issuer does not move,
     * and its keys are re-read by {@link HttpsJwks} when they expire or a token names a key id not yet seen.
     */
    private JwtConsumer consumer() {
        JwtConsumer current = consumer;
        if (current == null) {
            synchronized (this) {
                current = consumer;
                if (current == null) {
                    current = build();
                    consumer = current;
                }
            }
        }
        return current;
    }

    private JwtConsumer build() {
        URI issuer = config.issuer().orElseThrow(() -> new IllegalStateException("AEGIS_OIDC_ISSUER is not set"));
        JsonNode discovery = discovery(issuer);
        String declared = discovery.path("issuer").asText("");
        String jwksUri = discovery.path("jwks_uri").asText("");
        if (!declared.equals(stripSlash(issuer.toString())) && !declared.equals(issuer.toString())) {
            throw new IdentityUnavailableException("the OIDC discovery document names issuer '" + declared
                    + "', not the configured " + issuer, null);
        }
        if (jwksUri.isBlank()) {
            throw new IdentityUnavailableException("the OIDC discovery document of " + issuer + " has no jwks_uri", null);
        }
        HttpsJwks keys = new HttpsJwks(jwksUri);
        keys.setDefaultCacheDuration(config.keysTtl().toSeconds());
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setExpectedIssuer(declared)
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(keys))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
                        AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
        config.clientId().ifPresentOrElse(builder::setExpectedAudience, builder::setSkipDefaultAudienceValidation);
        return builder.build();
    }

    private JsonNode discovery(URI issuer) {
        URI uri = URI.create(stripSlash(issuer.toString()) + "/.well-known/openid-configuration");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IdentityUnavailableException("the OIDC issuer answered " + response.statusCode() + " for "
                        + uri, null);
            }
            return EventCodec.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new IdentityUnavailableException("the OIDC issuer's discovery document " + uri
                    + " could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityUnavailableException("interrupted while reading " + uri, e);
        }
    }

    private static Optional<String> text(JwtClaims claims, String claim) {
        Object value = claims.getClaimValue(claim);
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    /** The claim's string values; {@code a/b} walks into nested objects (Keycloak's realm_access/roles). */
    @SuppressWarnings("unchecked")
    private static List<String> values(JwtClaims claims, String path) {
        Object node = claims.getClaimsMap();
        for (String part : path.split("/")) {
            node = node instanceof Map<?, ?> map ? map.get(part) : null;
        }
        List<String> out = new ArrayList<>();
        if (node instanceof String s) {
            out.addAll(List.of(s.split("[ ,]+")));
        } else if (node instanceof Collection<?> list) {
            list.stream().filter(String.class::isInstance).map(v -> (String) v).forEach(out::add);
        }
        return out;
    }

    private static Map<String, String> mapping(List<String> entries) {
        Map<String, String> map = new HashMap<>();
        for (String entry : entries) {
            int eq = entry.lastIndexOf('=');
            String role = eq < 0 ? "" : entry.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            if (eq <= 0 || !Roles.LADDER.contains(role)) {
                throw new IllegalStateException("AEGIS_OIDC_ROLE_MAPPING entry '" + entry + "' is not value=role with"
                        + " role one of " + Roles.LADDER);
            }
            map.put(entry.substring(0, eq).trim(), role);
        }
        return Map.copyOf(map);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
