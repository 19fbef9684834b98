package io.aegisops.approval.identity;

import io.aegisops.kit.auth.Roles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Registers the credentials {@code ./aegisops up} generated (admin, machine intake, dashboard) at start-up, so a
 * fresh stack needs no input and the first admin can create everyone else. Without them the store starts empty and
 * says how to fix it; nothing secret is logged.
 */
@ApplicationScoped
public class IdentityBootstrap {

    private static final Logger LOG = Logger.getLogger(IdentityBootstrap.class);
    private static final int MIN_TOKEN_LENGTH = 32;

    private final IdentityConfig config;
    private final IdentityStore store;

    public IdentityBootstrap(IdentityConfig config, IdentityStore store) {
        this.config = config;
        this.store = store;
    }

    void onStart(@Observes StartupEvent start) {
        String adminPassword = config.adminPassword().filter(p -> p.length() >= config.minPasswordLength())
                .orElse(null);
        if (config.adminPassword().isPresent() && adminPassword == null) {
            LOG.warnf("AEGIS_ADMIN_PASSWORD is shorter than %d characters and was ignored",
                    config.minPasswordLength());
        }
        register("admin", Roles.ADMIN, adminPassword, config.adminToken().orElse(null), "AEGIS_ADMIN_TOKEN",
                adminPassword != null);
        register("intake", Roles.REPORTER, null, config.intakeToken().orElse(null), "AEGIS_INTAKE_TOKEN", false);
        register("dashboard", Roles.VIEWER, null, config.dashboardToken().orElse(null), "AEGIS_DASHBOARD_TOKEN",
                false);
    }

    private void register(String name, String role, String password, String token, String variable,
                          boolean hasPassword) {
        String usable = token != null && token.length() >= MIN_TOKEN_LENGTH ? token : null;
        if (token != null && usable == null) {
            LOG.warnf("%s is shorter than %d characters and was ignored", variable, MIN_TOKEN_LENGTH);
        }
        if (usable == null && !hasPassword) {
            LOG.infof("No %s set: principal '%s' gets no bootstrap credential (./aegisops up generates one)",
                    variable, name);
            return;
        }
        store.ensure(name, role, password, usable, "bootstrap (" + variable + ")");
        LOG.infof("Principal '%s' (%s) registered from the environment", name, role);
    }
}
