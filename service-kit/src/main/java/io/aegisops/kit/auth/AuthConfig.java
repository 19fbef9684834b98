package io.aegisops.kit.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How a service learns who is calling. */
@ConfigMapping(prefix = "aegis.auth")
public interface AuthConfig {

    /** The identity owner, asked whose a token is ({@code GET /api/auth/me}). */
    @WithDefault("http://approval-service:8080")
    URI identityUrl();

    /** How long a verified token is believed without asking again: also how long a revocation takes to bite. */
    @WithDefault("30s")
    Duration cacheTtl();

    /** At most this many verified tokens are remembered. */
    @WithDefault("10000")
    int cacheSize();

    /** How long to wait for the identity owner. */
    @WithDefault("3s")
    Duration timeout();

    /**
     * The cookie that carries a dashboard session, accepted besides the {@code Authorization} header. Only the
     * dashboard sets it: cookies are not kept apart by port, so a service that accepted it would let any page of the
     * same host act with the dashboard's session.
     */
    Optional<String> sessionCookie();
}
