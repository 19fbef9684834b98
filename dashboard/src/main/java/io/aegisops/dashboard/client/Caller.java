package io.aegisops.dashboard.client;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

import java.util.Optional;

/**
 * Whose bearer token a call to another service carries. Named at every call site, so a user's action goes out with
 * that user's token only and the dashboard's own token is chosen on purpose, by the watcher, never by accident.
 *
 * @param token the bearer token, null for none (the login itself, health probes)
 */
public record Caller(String token) {

    /** No credential: the login call and the readiness probes. */
    public static final Caller NOBODY = new Caller(null);

    /**
     * The person behind the current request, with the token they authenticated with here (session cookie or API
     * token). An identity without a token (only test identities have none) calls as {@link #NOBODY}: the other
     * service then refuses it rather than the dashboard lending it a credential.
     */
    public static Caller of(SecurityIdentity identity) {
        TokenCredential credential = identity == null ? null : identity.getCredential(TokenCredential.class);
        return credential == null || credential.getToken() == null ? NOBODY : new Caller(credential.getToken());
    }

    /** The dashboard itself (aegis.dashboard.service-token), for reads no user asked for. */
    public static Caller service(Optional<String> token) {
        return token.filter(t -> !t.isBlank()).map(Caller::new).orElse(NOBODY);
    }

    /** Never the token itself: a Caller may end up in a log line. */
    @Override
    public String toString() {
        return token == null ? "Caller[nobody]" : "Caller[bearer]";
    }
}
