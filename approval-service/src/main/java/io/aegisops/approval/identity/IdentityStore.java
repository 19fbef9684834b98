package io.aegisops.approval.identity;

import io.aegisops.approval.identity.IdentityViews.IssuedToken;
import io.aegisops.approval.identity.IdentityViews.Session;
import io.aegisops.approval.identity.IdentityViews.SlackUserView;
import io.aegisops.approval.identity.IdentityViews.TokenView;
import io.aegisops.approval.identity.IdentityViews.UserView;
import io.aegisops.kit.auth.TokenCache;
import io.aegisops.kit.auth.VerifiedCaller;
import io.aegisops.kit.rest.Violations;
import io.aegisops.kit.text.Texts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The embedded identity store: principals with one role each, bcrypt passwords, and bearer tokens kept as SHA-256.
 * Every AegisOps service learns whose a token is from here ({@code GET /api/auth/me}); this service asks the store
 * directly ({@link StoredTokenVerifier}).
 */
@ApplicationScoped
public class IdentityStore {

    /** Names as they appear in an audit trail: no spaces, no markup. */
    static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A use is recorded at most this often per token, so a busy token does not write on every verification. */
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final IdentityConfig config;
    private final TokenCache cache;

    public IdentityStore(IdentityConfig config, TokenCache cache) {
        this.config = config;
        this.cache = cache;
    }

    /** Whose a token is, if it is known, unexpired, unrevoked and its principal enabled. */
    public Optional<VerifiedCaller> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = TokenCache.sha256(token);
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = now();
            Optional<ApiToken> found = ApiToken.byHash(hash).filter(t -> t.usableAt(now));
            if (found.isEmpty()) {
                return Optional.<VerifiedCaller>empty();
            }
            ApiToken credential = found.get();
            Principal principal = Principal.findById(credential.principal);
            if (principal == null || principal.disabled) {
                return Optional.<VerifiedCaller>empty();
            }
            if (credential.lastUsedAt == null || credential.lastUsedAt.plus(LAST_USED_GRANULARITY).isBefore(now)) {
                credential.lastUsedAt = now;
            }
            return Optional.of(new VerifiedCaller(principal.name, principal.role,
                    credential.kind == ApiToken.Kind.SESSION ? "session" : "api-token"));
        });
    }

    /** A dashboard login: a session token for a principal whose password matches; empty otherwise. */
    @Transactional
    public Optional<Session> login(String name, String password) {
        Principal principal = name == null ? null : Principal.findById(name.trim());
        if (principal == null || principal.passwordHash == null) {
            Passwords.burn(password);
            return Optional.empty();
        }
        if (!Passwords.matches(password, principal.passwordHash) || principal.disabled) {
            return Optional.empty();
        }
        OffsetDateTime expires = now().plus(config.sessionTtl());
        String token = newToken();
        persistToken(principal.name, token, ApiToken.Kind.SESSION, "dashboard login", expires);
        return Optional.of(new Session(token, principal.name, principal.role, expires));
    }

    /**
     * A dashboard sign-in through the OIDC provider, whose ID token approval-service has checked: the principal is
     * made on the first sign-in and its role follows the provider's claim on each one after (a role taken away at the
     * provider is gone here with the next sign-in, and from every open session of that person at once).
     *
     * @return the session; empty when an admin disabled the principal
     * @throws IllegalArgumentException when the provider's name is not a valid principal name
     * @throws IllegalStateException    when a local principal (admin-made, maybe with a password) has the name
     */
    @Transactional
    public Optional<Session> oidcLogin(VerifiedCaller caller, String issuer) {
        String name = caller.name();
        if (!name.matches(NAME_PATTERN)) {
            throw new IllegalArgumentException("the provider names this user '" + Texts.shown(name, 80)
                    + "', which is not a principal name (1-64 letters, digits, '.', '_', '@' or '-'); set AEGIS_OIDC_NAME_CLAIM to a"
                    + " claim such as preferred_username or email");
        }
        // Two first sign-ins of one person at once make one principal: the insert yields to the one already there.
        Principal.getEntityManager().createNativeQuery("insert into principal (name, role, disabled, created_at,"
                        + " created_by, source) values (?1, ?2, false, ?3, ?4, ?5) on conflict (name) do nothing")
                .setParameter(1, name).setParameter(2, caller.role()).setParameter(3, now())
                .setParameter(4, Texts.clip("oidc sign-in (" + issuer + ")", 128)).setParameter(5, Principal.OIDC)
                .executeUpdate();
        Principal principal = Principal.findById(name, LockModeType.PESSIMISTIC_WRITE);
        if (!Principal.OIDC.equals(principal.source)) {
            throw new IllegalStateException("a local principal named '" + name + "' exists; a sign-in through the"
                    + " OIDC provider does not take it over (an admin can rename or remove it)");
        }
        if (principal.disabled) {
            return Optional.empty();
        }
        if (!principal.role.equals(caller.role())) {
            principal.role = caller.role();
            cache.invalidateAll();
        }
        OffsetDateTime expires = now().plus(config.sessionTtl());
        String token = newToken();
        persistToken(principal.name, token, ApiToken.Kind.SESSION, "dashboard sign-in (oidc)", expires);
        return Optional.of(new Session(token, principal.name, principal.role, expires));
    }

    /** Ends a session: its token stops working here at once and on the other services within their cache TTL. */
    @Transactional
    public boolean revokeToken(String token) {
        Optional<ApiToken> found = ApiToken.byHash(TokenCache.sha256(token));
        found.filter(t -> t.revokedAt == null).ifPresent(t -> t.revokedAt = now());
        cache.invalidateAll();
        return found.isPresent();
    }

    @Transactional
    public boolean revokeToken(UUID id) {
        ApiToken token = ApiToken.findById(id);
        if (token == null) {
            return false;
        }
        if (token.revokedAt == null) {
            token.revokedAt = now();
        }
        cache.invalidateAll();
        return true;
    }

    /**
     * Adds a principal.
     *
     * @throws IllegalStateException when the name is taken
     */
    @Transactional
    public UserView addUser(String name, String role, String password, String createdBy) {
        if (Principal.findById(name) != null) {
            throw new IllegalStateException("a principal named '" + name + "' already exists");
        }
        Principal principal = new Principal();
        principal.name = name;
        principal.role = role;
        principal.passwordHash = password == null ? null : Passwords.hash(password);
        principal.createdAt = now();
        principal.createdBy = createdBy;
        principal.persist();
        return view(principal);
    }

    /** A new API token for a principal; empty when there is no such principal. */
    @Transactional
    public Optional<IssuedToken> issueToken(String name, String label, Integer expiresInDays) {
        Principal principal = Principal.findById(name);
        if (principal == null) {
            return Optional.empty();
        }
        OffsetDateTime expires = expiresInDays == null ? null : now().plusDays(expiresInDays);
        String token = newToken();
        ApiToken stored = persistToken(name, token, ApiToken.Kind.API, label, expires);
        return Optional.of(new IssuedToken(stored.id, token, label, expires));
    }

    @Transactional
    public List<UserView> users() {
        return Principal.<Principal>listAll().stream()
                .sorted(Comparator.comparing(p -> p.name))
                .map(IdentityStore::view)
                .toList();
    }

    /** The principal a Slack user's clicks act as, if it is mapped and enabled. */
    @Transactional
    public Optional<VerifiedCaller> slackCaller(String slackUserId) {
        if (slackUserId == null) {
            return Optional.empty();
        }
        SlackUser mapped = SlackUser.findById(slackUserId);
        Principal principal = mapped == null ? null : Principal.findById(mapped.principal);
        if (principal == null || principal.disabled) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedCaller(principal.name, principal.role, "slack"));
    }

    /** Maps (or re-maps) a Slack user to a principal; empty when there is no such principal. */
    @Transactional
    public Optional<SlackUserView> mapSlackUser(String slackUserId, String principal, String by) {
        if (Principal.findById(principal) == null) {
            return Optional.empty();
        }
        SlackUser user = SlackUser.findById(slackUserId);
        boolean created = user == null;
        if (created) {
            user = new SlackUser();
            user.slackUserId = slackUserId;
        }
        user.principal = principal;
        user.createdAt = now();
        user.createdBy = by;
        if (created) {
            user.persist();
        }
        return Optional.of(SlackUserView.of(user));
    }

    @Transactional
    public boolean unmapSlackUser(String slackUserId) {
        return SlackUser.deleteById(slackUserId);
    }

    @Transactional
    public List<SlackUserView> slackUsers() {
        return SlackUser.<SlackUser>listAll().stream().sorted(Comparator.comparing(u -> u.slackUserId))
                .map(SlackUserView::of).toList();
    }

    /** Checks a new principal's fields, naming each problem. */
    public void validate(String name, String role, String password, Violations violations) {
        violations.required(name, "name");
        violations.check(name == null || name.matches(NAME_PATTERN), "name",
                "must be 1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        violations.check(role != null && io.aegisops.kit.auth.Roles.parse(role).isPresent(), "role",
                "must be one of " + io.aegisops.kit.auth.Roles.ALL);
        violations.check(password == null || password.length() >= config.minPasswordLength(), "password",
                "must have at least " + config.minPasswordLength() + " characters");
        violations.maxLength(password, 200, "password");
    }

    /**
     * Registers a credential generated outside (the bootstrap's, from the environment) for a principal it creates
     * when missing. Known tokens are left alone, so a restart changes nothing and a rotated one is added.
     */
    @Transactional
    public void ensure(String name, String role, String password, String token, String label) {
        Principal principal = Principal.findById(name);
        if (principal == null) {
            principal = new Principal();
            principal.name = name;
            principal.role = role;
            principal.passwordHash = password == null ? null : Passwords.hash(password);
            principal.createdAt = now();
            principal.createdBy = "bootstrap";
            principal.persist();
        }
        if (token != null && ApiToken.byHash(TokenCache.sha256(token)).isEmpty()) {
            persistToken(name, token, ApiToken.Kind.API, label, null);
        }
    }

    private static ApiToken persistToken(String principal, String token, ApiToken.Kind kind, String label,
                                         OffsetDateTime expires) {
        ApiToken stored = new ApiToken();
        stored.id = UUID.randomUUID();
        stored.principal = principal;
        stored.tokenHash = TokenCache.sha256(token);
        stored.kind = kind;
        stored.label = label;
        stored.createdAt = now();
        stored.expiresAt = expires;
        stored.persist();
        return stored;
    }

    private static UserView view(Principal principal) {
        List<TokenView> tokens = ApiToken.<ApiToken>list("principal = ?1 order by createdAt", principal.name)
                .stream().map(TokenView::of).toList();
        return new UserView(principal.name, principal.role, principal.disabled, principal.createdAt,
                principal.createdBy, tokens);
    }

    /** {@code aeg_} and 256 random bits, base64url. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "aeg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
