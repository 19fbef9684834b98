package io.aegisops.dashboard.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;

/**
 * Signing in to the war room through the organisation's OIDC provider (Keycloak, Entra ID, Google…) instead of an
 * AegisOps password: on when {@code AEGIS_OIDC_ISSUER} and {@code AEGIS_OIDC_CLIENT_ID} are set, the same variables
 * approval-service reads to check the provider's tokens. The dashboard is the provider's confidential client (with
 * {@code AEGIS_OIDC_CLIENT_SECRET}) or a public one (without); either way the flow uses PKCE.
 */
@ConfigMapping(prefix = "aegis.oidc")
public interface OidcSignInConfig {

    /** The provider ({@code AEGIS_OIDC_ISSUER}); its discovery document names the authorization and token endpoints. */
    Optional<URI> issuer();

    /** The client registered for AegisOps at the provider ({@code AEGIS_OIDC_CLIENT_ID}). */
    Optional<String> clientId();

    /** The client's secret ({@code AEGIS_OIDC_CLIENT_SECRET}), sent as HTTP Basic to the token endpoint; never logged. */
    Optional<String> clientSecret();

    /**
     * Where the provider sends the browser back ({@code AEGIS_OIDC_REDIRECT_URI}), registered at the provider as is.
     * Without it, the dashboard's own address as the browser reached it plus {@code /api/auth/oidc/callback}.
     */
    Optional<URI> redirectUri();

    /** The scopes asked for; {@code openid} is required by the protocol. */
    @WithDefault("openid profile email")
    String scopes();

    /** What the sign-in button calls the provider ({@code AEGIS_OIDC_PROVIDER_NAME}); without it, the issuer's host. */
    Optional<String> providerName();
}
