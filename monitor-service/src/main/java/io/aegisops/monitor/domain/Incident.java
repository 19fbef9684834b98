package io.aegisops.monitor.domain;

import io.aegisops.contract.AlertType;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One fault on one target. Every alert about the target joins it until it closes, so a fault reported by
 * the app, the health check and the Docker engine is still one incident, and a storm is one incident.
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    private static final Set<IncidentStatus> CLOSED =
            EnumSet.copyOf(Arrays.stream(IncidentStatus.values()).filter(IncidentStatus::isClosed).toList());

    @Id
    public UUID id;

    /** Grouping key: the logical service, or {@code fingerprint:<fp>} for unmapped external alerts. */
    @Column(nullable = false)
    public String target;

    public String service;

    public String container;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    /** Alert types seen, comma-separated in first-seen order. */
    @Column(name = "alert_types", nullable = false)
    public String alertTypes;

    @Column(name = "alert_count", nullable = false)
    public int alertCount;

    @Column(name = "first_seen", nullable = false)
    public OffsetDateTime firstSeen;

    @Column(name = "last_seen", nullable = false)
    public OffsetDateTime lastSeen;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    /** Since when every alert has resolved at its source; null while any fires (see SourceResolution). */
    @Column(name = "sources_resolved_at")
    public OffsetDateTime sourcesResolvedAt;

    @Version
    public long version;

    /** The open incident of a target, locked so concurrent alerts for it apply one after the other. */
    public static Optional<Incident> findOpenForUpdate(String target) {
        return find("target = ?1 and status not in ?2", target, CLOSED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public static Optional<Incident> findLatest(String target) {
        return find("target = ?1 order by openedAt desc", target).firstResultOptional();
    }

    /** Closed incidents of a target opened before {@code before}, newest first: its history, for comparison. */
    public static List<Incident> closedBefore(String target, OffsetDateTime before, int limit) {
        return find("target = ?1 and status in ?2 and openedAt < ?3 order by openedAt desc", target, CLOSED, before)
                .page(Page.ofSize(limit)).list();
    }

    public List<AlertType> alertTypeList() {
        if (alertTypes == null || alertTypes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(alertTypes.split(",")).map(AlertType::valueOf).toList();
    }

    /** Adds a type keeping first-seen order and no repeats. */
    public void addAlertType(AlertType type) {
        LinkedHashSet<AlertType> types = new LinkedHashSet<>(alertTypeList());
        types.add(type);
        alertTypes = types.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
