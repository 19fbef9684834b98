package io.aegisops.monitor.service;

import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.Diagnosis;
import io.aegisops.contract.IncidentStatus;
import io.aegisops.contract.RemediationEvent;
import io.aegisops.kit.signing.ClaimedDecision;
import io.aegisops.monitor.domain.Incident;
import io.aegisops.monitor.domain.IncidentDiagnosis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Mirrors what the other services announce into the incident's status and timeline, so monitor-service
 * stays the one place that knows where every incident stands. Diagnoses and remediation steps travel on
 * different topics and may arrive in either order: a diagnosis only moves an OPEN incident, and nothing
 * moves a closed one, so the status never goes backwards. Each step takes the incident's row lock before it reads the
 * incident, so it is serialised with the alerts joining it instead of racing them. The latest diagnosis itself is
 * kept too (whatever the status), so a postmortem can show the cause and its citations from monitor's own store.
 */
@ApplicationScoped
public class LifecycleRecorder {

    private static final Logger LOG = Logger.getLogger(LifecycleRecorder.class);

    private final IncidentService incidents;

    public LifecycleRecorder(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void diagnosed(Diagnosis diagnosis) {
        String reason = "%s → %s (confidence %.2f, %s rule %s, revision %d)".formatted(diagnosis.rootCause(),
                diagnosis.action(), diagnosis.confidence(), diagnosis.engine(), diagnosis.ruleId(), diagnosis.revision());
        String actor = "diagnosis-service (" + diagnosis.engine() + ")";
        incident(diagnosis.incidentId()).ifPresent(incident -> {
            IncidentDiagnosis.keepIfLatest(incident.id, diagnosis);
            if (incident.status == IncidentStatus.OPEN) {
                incidents.transition(incident.id, IncidentStatus.DIAGNOSED, actor, reason, diagnosis.diagnosedAt());
            } else {
                incidents.note(incident.id, actor, reason, diagnosis.diagnosedAt());
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remediationStep(RemediationEvent step) {
        IncidentStatus to = step.stage().incidentStatus();
        String reason = step.action() + ": " + step.reason();
        incident(step.incidentId()).ifPresent(incident -> {
            if (incident.status.isClosed()) {
                LOG.debugf("Incident %s is already %s; %s recorded as a note", incident.id, incident.status, step.stage());
                incidents.note(incident.id, step.actor(), step.stage() + " — " + reason, step.at());
            } else {
                incidents.transition(incident.id, to, step.actor(), reason, step.at());
            }
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(ApprovalDecision decision) {
        StringBuilder reason = new StringBuilder(decision.decision().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (decision.action() != null) {
            reason.append(" → ").append(decision.action());
        }
        if (decision.reason() != null && !decision.reason().isBlank()) {
            reason.append(": ").append(decision.reason());
        }
        if (decision.feedback() != null && !decision.feedback().isBlank()) {
            reason.append(" (feedback: ").append(decision.feedback()).append(')');
        }
        incident(decision.incidentId()).ifPresent(incident ->
                incidents.note(incident.id, decision.actor(), reason.toString(), decision.decidedAt()));
    }

    /**
     * A decision event approval-service did not sign: noted on the incident it names, with who it claimed to be from,
     * so the war room sees the attempt. Nothing else changes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refused(String source, ClaimedDecision claimed, String why) {
        LOG.warnf("Refused a decision event for incident %s from %s: %s", claimed.incidentId(),
                ClaimedDecision.shown(source), why);
        String what = claimed.decision() == null ? "a decision" : "a decision (" + claimed.decision() + ")";
        String by = claimed.actor() == null ? "" : " naming " + claimed.actor();
        String from = source == null ? "an unnamed source" : ClaimedDecision.shown(source);
        incidentQuietly(claimed.incidentId()).ifPresent(incident -> incidents.note(incident.id,
                "monitor-service (event bus)", "refused " + what + by + " from " + from + ": not applied, " + why,
                OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private static Optional<Incident> incidentQuietly(String id) {
        return id == null ? Optional.empty() : incident(id);
    }

    /**
     * The incident, its row locked first. Alert joins take the same row lock and bump the row's version; reading it
     * unlocked and locking it later (in {@link IncidentService#transition}) would find the version moved whenever a
     * join committed in between, which under an alert storm is always, and the lifecycle step would be lost to the
     * dead-letter topic after its retries. Locked first, the step waits for the join in flight and then applies.
     */
    private static Optional<Incident> incident(String id) {
        try {
            return Incident.findByIdOptional(UUID.fromString(id), LockModeType.PESSIMISTIC_WRITE);
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warnf("Ignoring an event for incident id '%s': not a UUID", id);
            return Optional.empty();
        }
    }
}
