package io.aegisops.diagnosis.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.aegisops.contract.Action;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.Citation;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One revision of an incident's diagnosis, stored exactly as published so the API shows what remediation
 * acted on. Revisions are never updated: a changed conclusion is a new row.
 */
@Entity
@Table(name = "diagnosis")
public class IssuedDiagnosis extends PanacheEntityBase {

    private static final TypeReference<List<String>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {
    };

    @Id
    public UUID id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    public int revision;

    public String target;

    public String service;

    public String container;

    /** Comma-separated, in first-seen order. */
    @Column(name = "alert_types", nullable = false)
    public String alertTypes;

    @Column(name = "root_cause", nullable = false)
    public String rootCause;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    public double confidence;

    @Column(name = "base_confidence")
    public double baseConfidence;

    /** JSON array of strings. */
    @Column(nullable = false, columnDefinition = "text")
    public String evidence;

    @Column(nullable = false)
    public String justification;

    @Column(nullable = false)
    public String engine;

    @Column(name = "rule_id")
    public String ruleId;

    @Column(name = "diagnosed_at", nullable = false)
    public OffsetDateTime diagnosedAt;

    /** The deciding alert's type (learning's pattern); null for revisions issued before learning existed. */
    @Enumerated(EnumType.STRING)
    @Column(name = "primary_alert_type")
    public AlertType primaryAlertType;

    /** Whether the claim it acts on is corroborated by observed facts. */
    public boolean corroborated;

    @Column(name = "investigation_id")
    public UUID investigationId;

    /** JSON array of Citation. */
    @Column(nullable = false, columnDefinition = "text")
    public String citations;

    public static IssuedDiagnosis of(Diagnosis d, AlertType primaryAlertType) {
        IssuedDiagnosis row = new IssuedDiagnosis();
        row.id = UUID.fromString(d.id());
        row.incidentId = UUID.fromString(d.incidentId());
        row.revision = d.revision();
        row.target = d.target();
        row.service = d.service();
        row.container = d.container();
        row.alertTypes = d.alertTypes().stream().map(Enum::name).collect(Collectors.joining(","));
        row.rootCause = d.rootCause();
        row.action = d.action();
        row.confidence = d.confidence();
        row.baseConfidence = d.baseConfidence();
        row.evidence = EventCodec.mapper().valueToTree(d.evidence()).toString();
        row.justification = d.justification();
        row.engine = d.engine();
        row.ruleId = d.ruleId();
        row.diagnosedAt = d.diagnosedAt();
        row.primaryAlertType = primaryAlertType;
        row.corroborated = d.corroborated();
        row.investigationId = d.investigationId() == null ? null : UUID.fromString(d.investigationId());
        row.citations = EventCodec.mapper().valueToTree(d.citations()).toString();
        return row;
    }

    /** Every revision of an incident, newest first. */
    public static List<Diagnosis> ofIncident(UUID incidentId) {
        return IssuedDiagnosis.<IssuedDiagnosis>list("incidentId = ?1 order by revision desc", incidentId).stream()
                .map(IssuedDiagnosis::toContract)
                .toList();
    }

    public static Optional<Diagnosis> byId(UUID id) {
        return IssuedDiagnosis.<IssuedDiagnosis>findByIdOptional(id).map(IssuedDiagnosis::toContract);
    }

    /** The alert type decisions on this diagnosis teach: the deciding one, else the first the incident saw. */
    public Optional<AlertType> patternAlertType() {
        if (primaryAlertType != null) {
            return Optional.of(primaryAlertType);
        }
        return toContract().alertTypes().stream().findFirst();
    }

    public Diagnosis toContract() {
        List<AlertType> types = alertTypes.isBlank() ? List.of()
                : Arrays.stream(alertTypes.split(",")).map(AlertType::valueOf).toList();
        return new Diagnosis(id.toString(), incidentId.toString(), revision, target, service, container, types,
                rootCause, action, confidence, baseConfidence, read(evidence, LINES, "evidence"), justification,
                engine, ruleId, diagnosedAt, corroborated, investigationId == null ? null : investigationId.toString(),
                read(citations, CITATIONS, "citations"));
    }

    private <T> T read(String json, TypeReference<T> type, String what) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("diagnosis " + id + " has unreadable " + what + ": " + e.getMessage(), e);
        }
    }
}
