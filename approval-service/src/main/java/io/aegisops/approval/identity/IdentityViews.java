package io.aegisops.approval.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the identity API answers. No view ever carries a stored hash; a token's value appears only when issued. */
public final class IdentityViews {

    private IdentityViews() {
    }

    /** A principal and its credentials. */
    public record UserView(String name, String role, boolean disabled, OffsetDateTime createdAt, String createdBy,
                           List<TokenView> tokens) {
    }

    /** A credential, without its value. */
    public record TokenView(UUID id, String label, ApiToken.Kind kind, OffsetDateTime createdAt,
                            OffsetDateTime expiresAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {

        static TokenView of(ApiToken token) {
            return new TokenView(token.id, token.label, token.kind, token.createdAt, token.expiresAt,
                    token.revokedAt, token.lastUsedAt);
        }
    }

    /** A token just issued: the only time its value is shown. */
    public record IssuedToken(UUID id, String token, String label, OffsetDateTime expiresAt) {
    }

    /** A Slack user and the principal its clicks act as. */
    public record SlackUserView(String slackUserId, String principal, OffsetDateTime createdAt, String createdBy) {

        static SlackUserView of(SlackUser user) {
            return new SlackUserView(user.slackUserId, user.principal, user.createdAt, user.createdBy);
        }
    }

    /** A dashboard login. */
    public record Session(String token, String name, String role, OffsetDateTime expiresAt) {
    }
}
