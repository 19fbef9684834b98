package io.aegisops.approval.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A bearer credential of a principal, known only by its SHA-256. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    /** What a token was issued as. */
    public enum Kind {
        /** Issued by an admin (or the bootstrap) for scripts, curl and machines. */
        API,
        /** Issued by a dashboard login; expires. */
        SESSION
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String principal;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String label;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "last_used_at")
    public OffsetDateTime lastUsedAt;

    public static Optional<ApiToken> byHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    boolean usableAt(OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
