package io.aegisops.approval.support;

import io.aegisops.contract.Action;
import io.aegisops.contract.AlertEvent;
import io.aegisops.contract.AlertSource;
import io.aegisops.contract.AlertType;
import io.aegisops.contract.Citation;
import io.aegisops.contract.AlertView;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.contract.CloudEvent;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.EventCodec;
import io.aegisops.contract.EventTypes;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.IncidentView;
import io.aegisops.contract.RemediationEvent;
import io.aegisops.contract.RemediationStage;
import io.aegisops.contract.Severity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events as the other services publish them, for one incident of one target. */
public final class TestEvents {

    public final String incidentId = UUID.randomUUID().toString();
    public final String target;

    public TestEvents(String target) {
        this.target = target;
    }

    public static TestEvents forNewIncident() {
        return new TestEvents("svc-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public CloudEvent opened() {
        AlertView alert = new AlertView(UUID.randomUUID().toString(), AlertType.LATENCY, AlertSource.APP_WEBHOOK,
                Severity.WARNING, "firing", target, target + "-1", "p95 latency 3.2 s above 2 s",
                EventCodec.mapper().createObjectNode().put("p95Ms", 3200), List.of("request took 3200 ms"),
                "fp-" + target, now(), now());
        IncidentView incident = new IncidentView(incidentId, target, target, target + "-1", IncidentStatus.OPEN,
                Severity.WARNING, List.of(AlertType.LATENCY), 1, now(), now());
        return EventCodec.create("/aegisops/monitor-service", EventTypes.INCIDENT_OPENED, incidentId, target,
                new AlertEvent(incident, alert));
    }

    public CloudEvent diagnosed() {
        Diagnosis diagnosis = new Diagnosis(UUID.randomUUID().toString(), incidentId, 1, target, target,
                target + "-1", List.of(AlertType.LATENCY), "requests wait on a lock held in the database",
                Action.RESTART, 0.7, 0.7, List.of("LATENCY (APP_WEBHOOK): p95 latency 3.2 s above 2 s"),
                "A restart releases the lock; a human confirms because latency has other causes.", "rules",
                "latency-lock", now(), true, UUID.randomUUID().toString(),
                List.of(new Citation(Citation.Kind.FACT, "F5", "probeHealthy (health.probe)",
                        "GET http://" + target + ":8080/q/health/ready -> HTTP 503")));
        return EventCodec.create("/aegisops/diagnosis-service", EventTypes.DIAGNOSIS_PROPOSED, incidentId, target,
                diagnosis);
    }

    public ApprovalRequest request(Action action) {
        return request(action, List.of());
    }

    public ApprovalRequest request(Action action, List<Citation> citations) {
        return new ApprovalRequest(UUID.randomUUID().toString(), incidentId, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), target, target + "-1", action, 0.7,
                "requests wait on a lock held in the database",
                List.of("LATENCY (APP_WEBHOOK): p95 latency 3.2 s above 2 s", "log: request took 3200 ms"),
                "confidence 0.70 is below 0.85", now(), citations);
    }

    /** One citation of each kind, as a diagnosis with facts, a runbook match and a similar past incident has. */
    public static List<Citation> citations(String pastIncidentId) {
        return List.of(
                new Citation(Citation.Kind.FACT, "F2", "oomKilled (engine.inspect)", "OOMKilled=true, exit code 137"),
                new Citation(Citation.Kind.RUNBOOK, "oom-killed#verify", "OOM killed — Verify",
                        "Confirm the kernel killed the process"),
                new Citation(Citation.Kind.INCIDENT, pastIncidentId, "heap exhausted by a leak",
                        "RESTART resolved it"));
    }

    public CloudEvent requested(ApprovalRequest request) {
        return EventCodec.create("/aegisops/remediation-service", EventTypes.APPROVAL_REQUESTED, incidentId, target,
                request);
    }

    public CloudEvent step(RemediationStage stage, String reason) {
        RemediationEvent step = new RemediationEvent(UUID.randomUUID().toString(), incidentId, null, target,
                target + "-1", Action.RESTART, stage, "remediation-service (policy)", reason, now(), Map.of());
        return EventCodec.create("/aegisops/remediation-service", EventTypes.REMEDIATION_STAGE, incidentId, target,
                step);
    }
}
