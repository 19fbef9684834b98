package io.aegisops.approval.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A person or machine AegisOps knows, with its one role ({@link io.aegisops.kit.auth.Roles}). */
@Entity
@Table(name = "principal")
public class Principal extends PanacheEntityBase {

    @Id
    public String name;

    @Column(nullable = false)
    public String role;

    /** bcrypt; null for machines, which only ever present tokens. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(nullable = false)
    public boolean disabled;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** {@value #LOCAL} (admin, bootstrap) or {@value #OIDC} (made and kept in step by the provider's sign-ins). */
    @Column(nullable = false)
    public String source = LOCAL;

    public static final String LOCAL = "local";
    public static final String OIDC = "oidc";
}
