package io.aegisops.dashboard.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * Something a person did through the war room (inject a fault, decide, comment, resolve) or their arrival and
 * departure: the "who did what" that everyone in the room sees. Persisted so a reload or a restart keeps it.
 */
@Entity
@Table(name = "activity")
public class Activity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    /** A short verb phrase, e.g. {@code injected fault}, {@code approved}, {@code joined}. */
    @Column(nullable = false)
    public String action;

    /** What it was done to: a service, an incident or an approval. */
    public String target;

    public String detail;

    /** {@code ok}, or {@code failed: <the other service's message>}. */
    @Column(nullable = false)
    public String outcome;
}
