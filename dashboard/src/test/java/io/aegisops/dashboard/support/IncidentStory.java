package io.aegisops.dashboard.support;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.Citation;
import io.aegisops.contract.Claim;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.Fact;
import io.aegisops.contract.FactNames;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.Investigation;
import io.aegisops.contract.RemediationEvent;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Severity;
import io.aegisops.contract.ToolCall;
import io.aegisops.contract.Topics;
import io.aegisops.testsupport.SignedEvents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The events of one incident that needed a human (its investigation did not corroborate the latency alert), from
 * the first alert to RESOLVED, each with a fixed time: the
 * same story for the unit and the Kafka tests, so "any order gives the same view" is checked against one script.
 * Times are offsets in milliseconds from {@link #T0}; the fault was first observed 1 s before T0.
 */
public final class IncidentStory {

    public static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    /** Events in {@link #awaitingApproval()}. */
    public static final int AWAITING_APPROVAL_EVENTS = 8;
    /** The past incident the diagnosis cites: the same lock, fixed by a restart. */
    public static final String PAST_INCIDENT = "0b5e6c1e-0000-4000-8000-000000000042";
    /** Lines of the investigation's log fact: more than the dashboard keeps, and one of them hostile markup. */
    public static final int LOG_LINES = 200;
    public static final String HOSTILE_LINE = "<img src=x onerror=alert(1)> lock orders#42 wait";

    /** One event and the topic it travels on. */
    public record Step(String topic, CloudEvent event) {
    }

    public final String incidentId;
    public final String target;
    public final String requestId = UUID.randomUUID().toString();
    public final String remediationId = UUID.randomUUID().toString();
    public final String diagnosisId = UUID.randomUUID().toString();
    public final String investigationId = UUID.randomUUID().toString();

    public IncidentStory(String incidentId, String target) {
        this.incidentId = incidentId;
        this.target = target;
    }

    /** The whole story, in the order it happened. */
    public List<Step> approvedAndResolved() {
        List<Step> steps = new ArrayList<>();
        steps.add(alert(0, EventTypes.INCIDENT_OPENED, IncidentStatus.OPEN, 1, Severity.WARNING));
        steps.add(alert(1000, EventTypes.ALERT_JOINED, IncidentStatus.OPEN, 2, Severity.CRITICAL));
        steps.add(investigation(1500));
        steps.add(diagnosis(2000));
        steps.add(statusChanged(2500, IncidentStatus.DIAGNOSED));
        steps.add(requested(3000));
        steps.add(stage(3000, RemediationStage.AWAITING_APPROVAL));
        steps.add(statusChanged(3500, IncidentStatus.AWAITING_APPROVAL));
        steps.add(decided(10_000));
        steps.add(stage(11_000, RemediationStage.ACTING));
        steps.add(statusChanged(11_500, IncidentStatus.REMEDIATING));
        steps.add(stage(12_000, RemediationStage.VERIFYING));
        steps.add(statusChanged(12_500, IncidentStatus.VERIFYING));
        steps.add(stage(20_000, RemediationStage.RESOLVED));
        steps.add(statusChanged(20_500, IncidentStatus.RESOLVED));
        return steps;
    }

    /** The first part only: the incident waits for a decision. */
    public List<Step> awaitingApproval() {
        return approvedAndResolved().subList(0, AWAITING_APPROVAL_EVENTS);
    }

    public Step alert(long at, String type, IncidentStatus status, int count, Severity severity) {
        IncidentView incident = view(status, count, severity, at);
        AlertView alert = new AlertView(UUID.randomUUID().toString(), AlertType.LATENCY, AlertSource.APP_WEBHOOK,
                severity, "firing", target, target + "-1", "p95 " + (2000 + at) + " ms", null,
                List.of("GET /work waited on lock orders#42"), "fp-" + target, time(at - 1000 + count), time(at));
        return step(Topics.ALERTS, type, "/aegisops/monitor-service", at, new AlertEvent(incident, alert));
    }

    public Step statusChanged(long at, IncidentStatus status) {
        return step(Topics.ALERTS, EventTypes.INCIDENT_STATUS_CHANGED, "/aegisops/monitor-service", at,
                view(status, 2, Severity.CRITICAL, at));
    }

    public Step diagnosis(long at) {
        Diagnosis diagnosis = new Diagnosis(diagnosisId, incidentId, 1, target, target, target + "-1",
                List.of(AlertType.LATENCY), "a held database row lock", Action.RESTART, 0.70, 0.75,
                List.of("p95 3000 ms", "lock orders#42 held"), "a restart releases the lock", "rules", "latency-lock",
                time(at), false, investigationId, List.of(
                new Citation(Citation.Kind.FACT, "F2", FactNames.LOGS, "3 of the last 200 lines wait on lock orders#42"),
                new Citation(Citation.Kind.RUNBOOK, "latency#row-locks", "Latency runbook: row locks",
                        "A lock held by a stuck request blocks every writer"),
                new Citation(Citation.Kind.INCIDENT, PAST_INCIDENT, "the same lock on orders",
                        "a restart released it")));
        return step(Topics.DIAGNOSES, EventTypes.DIAGNOSIS_PROPOSED, "/aegisops/diagnosis-service", at, diagnosis);
    }

    /** What monitor-service observed: the container runs, its logs show the lock, the probe still answers. */
    public Step investigation(long at) {
        String container = target + "-1";
        List<String> lines = IntStream.rangeClosed(1, LOG_LINES)
                .mapToObj(i -> i == LOG_LINES ? HOSTILE_LINE : "GET /work line " + i).toList();
        List<Fact> facts = List.of(
                new Fact("F1", FactNames.STATE, "engine.inspect", "State: running since 09:59:00",
                        EventCodec.mapper().valueToTree("running"), time(at - 900)),
                new Fact("F2", FactNames.LOGS, "engine.logs", "3 of the last 200 lines wait on lock orders#42",
                        EventCodec.mapper().valueToTree(lines), time(at - 600)),
                new Fact("F3", FactNames.PROBE_HEALTHY, "health.probe", "GET /q/health/ready answered 200 in 2950 ms",
                        EventCodec.mapper().valueToTree(true), time(at - 100)));
        Claim latency = new Claim(AlertType.LATENCY, null, false, List.of("F3", "F2"),
                "the probe still answers within its timeout; the logs show waits, not their length");
        List<ToolCall> calls = List.of(new ToolCall("inspect", container, 12, "ok"),
                new ToolCall("logs", container, 40, "ok"),
                new ToolCall("probe", "http://" + target + ":8080/q/health/ready", 2950, "ok"));
        Investigation investigation = new Investigation(investigationId, incidentId, target, container, null, facts,
                List.of(latency), calls, time(at - 1000), time(at));
        return step(Topics.ALERTS, EventTypes.INVESTIGATION_COMPLETED, "/aegisops/monitor-service", at, investigation);
    }

    public Step requested(long at) {
        ApprovalRequest request = new ApprovalRequest(requestId, incidentId, remediationId, diagnosisId, target,
                target + "-1", Action.RESTART, 0.70, "a held database row lock", List.of("p95 3000 ms"),
                "confidence 0.70 is below 0.85", time(at), List.of());
        return step(Topics.APPROVALS, EventTypes.APPROVAL_REQUESTED, "/aegisops/remediation-service", at, request);
    }

    public Step decided(long at) {
        ApprovalDecision decision = new ApprovalDecision(requestId, incidentId, ApprovalDecision.Kind.APPROVE, null,
                "alice", "lock confirmed", null, time(at));
        return step(Topics.APPROVALS, EventTypes.APPROVAL_DECIDED, "/aegisops/approval-service", at, decision);
    }

    public Step stage(long at, RemediationStage stage) {
        RemediationEvent event = new RemediationEvent(remediationId, incidentId, diagnosisId, target, target + "-1",
                Action.RESTART, stage, "remediation-service (policy)", stage + " in the story", time(at), Map.of());
        return step(Topics.REMEDIATIONS, EventTypes.REMEDIATION_STAGE, "/aegisops/remediation-service", at, event);
    }

    private IncidentView view(IncidentStatus status, int count, Severity severity, long at) {
        return new IncidentView(incidentId, target, target, target + "-1", status, severity,
                List.of(AlertType.LATENCY), count, time(-1000), time(Math.max(-1000, at - 1000 + count)));
    }

    private Step step(String topic, String type, String source, long at, Object data) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type,
                incidentId, target, time(at), "application/json", EventCodec.mapper().valueToTree(data), null);
        // Decisions count only signed by approval-service; the stories publish them as it would.
        return new Step(topic, EventTypes.APPROVAL_DECIDED.equals(type) ? SignedEvents.sign(event) : event);
    }

    public static OffsetDateTime time(long offsetMillis) {
        return T0.plusNanos(offsetMillis * 1_000_000);
    }
}
