package io.aegisops.approval.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An external identity provider (Keycloak, Entra ID, Google…), off unless {@code AEGIS_OIDC_ISSUER} is set. Its
 * access or ID tokens then work wherever an AegisOps token does: every service asks approval-service whose a bearer
 * token is, and approval-service checks these against the issuer's published keys.
 */
@ConfigMapping(prefix = "aegis.oidc")
public interface OidcConfig {

    /** The issuer URL ({@code AEGIS_OIDC_ISSUER}); its {@code /.well-known/openid-configuration} names the keys. */
    Optional<URI> issuer();

    /** The client id ({@code AEGIS_OIDC_CLIENT_ID}): when set, a token must name it in {@code aud}. */
    Optional<String> clientId();

    /** The claim holding the user's groups or roles; {@code /} walks into nested ones (Keycloak: realm_access/roles). */
    @WithDefault("roles")
    String rolesClaim();

    /** The claim naming the user (falls back to {@code sub}). */
    @WithDefault("preferred_username")
    String nameClaim();

    /**
     * Which claim value grants which AegisOps role, as {@code value=role} ({@code AEGIS_OIDC_ROLE_MAPPING}, e.g.
     * {@code sre=approver,aegis-admins=admin}). A value that is itself a role name ({@code viewer}, {@code operator},
     * {@code approver}, {@code admin}) grants it without a mapping. The strongest granted role counts.
     */
    Optional<List<String>> roleMapping();

    /** Clock skew allowed on {@code exp} and {@code nbf}. */
    @WithDefault("30s")
    Duration clockSkew();

    /** How long the issuer's keys are believed before they are fetched again. */
    @WithDefault("10m")
    Duration keysTtl();
}
