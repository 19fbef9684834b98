package io.aegisops.approval.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The embedded identity store: the credentials {@code ./aegisops up} generates into the root-only {@code .env}
 * (registered at start-up, hashed) and how long a dashboard login lasts. Every value comes from the environment.
 */
@ConfigMapping(prefix = "aegis.identity")
public interface IdentityConfig {

    /** The first admin's password (AEGIS_ADMIN_PASSWORD): set when the admin is created, never overwritten. */
    Optional<String> adminPassword();

    /** An API token for the admin (AEGIS_ADMIN_TOKEN): for {@code ./aegisops user} and curl. */
    Optional<String> adminToken();

    /** The machine intake's token (AEGIS_INTAKE_TOKEN): buggy-app's webhook and Alertmanager, role reporter. */
    Optional<String> intakeToken();

    /** The dashboard's own token (AEGIS_DASHBOARD_TOKEN), role viewer: its background reads, never a user's act. */
    Optional<String> dashboardToken();

    /** How long a dashboard session lasts. */
    @WithDefault("12h")
    Duration sessionTtl();

    /** Password guessing, slowed per user name (LoginThrottle). */
    Login login();

    /** How many wrong passwords in a row a user name may have before its logins are refused for a while. */
    interface Login {

        /** Failures in a row that are free; the next one locks the name. */
        @WithDefault("5")
        int freeFailures();

        /** The first lock; each further failure doubles it. */
        @WithDefault("30s")
        Duration lockout();

        /** The longest lock. */
        @WithDefault("15m")
        Duration maxLockout();
    }

    /** A password shorter than this is refused. */
    @WithDefault("12")
    int minPasswordLength();
}
