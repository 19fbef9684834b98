package io.aegisops.approval.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.aegisops.approval.domain.Approval;
import io.aegisops.approval.domain.ApprovalStatus;
import io.aegisops.contract.Action;
import io.aegisops.contract.Citation;
import io.aegisops.contract.EventCodec;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An approval for people and the dashboard.
 *
 * @param citations the facts, runbook sections and past incidents the diagnosis cites
 * @param decidable true while a decision is still accepted (PENDING or ESCALATED)
 * @param decision  null until decided
 */
public record ApprovalView(
        String id,
        String incidentId,
        String remediationId,
        String diagnosisId,
        String target,
        String container,
        Action proposedAction,
        double confidence,
        String rootCause,
        List<String> evidence,
        List<Citation> citations,
        String reason,
        OffsetDateTime requestedAt,
        OffsetDateTime receivedAt,
        ApprovalStatus status,
        boolean decidable,
        OffsetDateTime escalatedAt,
        DecisionView decision) {

    private static final TypeReference<List<String>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {
    };

    public static ApprovalView of(Approval a) {
        return new ApprovalView(a.id.toString(), a.incidentId.toString(), a.remediationId, a.diagnosisId, a.target,
                a.container, a.proposedAction, a.confidence, a.rootCause, evidence(a), citations(a), a.reason,
                a.requestedAt, a.receivedAt, a.status, a.status.isDecidable(), a.escalatedAt, DecisionView.of(a));
    }

    static List<String> evidence(Approval a) {
        try {
            return EventCodec.mapper().readValue(a.evidence, LINES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("approval " + a.id + " has unreadable evidence: " + e.getMessage(), e);
        }
    }

    static List<Citation> citations(Approval a) {
        try {
            return EventCodec.mapper().readValue(a.citations, CITATIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("approval " + a.id + " has unreadable citations: " + e.getMessage(), e);
        }
    }
}
