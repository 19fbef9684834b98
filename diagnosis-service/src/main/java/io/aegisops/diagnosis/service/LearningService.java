package io.aegisops.diagnosis.service;

import io.aegisops.contract.ApprovalDecision;
import io.aegisops.contract.ApprovalRequest;
import io.aegisops.diagnosis.domain.ApprovalSubject;
import io.aegisops.diagnosis.domain.HumanDecision;
import io.aegisops.diagnosis.domain.IncidentCase;
import io.aegisops.diagnosis.domain.IssuedDiagnosis;
import io.aegisops.diagnosis.domain.LearnedPattern;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Learns from human decisions: each APPROVE, REJECT or OVERRIDE is traced to the diagnosis it judged and
 * counted against that diagnosis' pattern; new diagnoses of the pattern then carry a confidence adjusted by
 * {@link BetaConfidence}. Timeouts (EXPIRE) and requests for changes teach nothing about the proposal.
 */
@ApplicationScoped
public class LearningService {

    private static final Logger LOG = Logger.getLogger(LearningService.class);
    private static final Set<ApprovalDecision.Kind> COUNTED = EnumSet.of(ApprovalDecision.Kind.APPROVE,
            ApprovalDecision.Kind.REJECT, ApprovalDecision.Kind.OVERRIDE);

    private final DiagnosisConfig.Learning config;
    private final BetaConfidence beta;

    public LearningService(DiagnosisConfig config) {
        this.config = config.learning();
        this.beta = new BetaConfidence(this.config.priorStrength(), this.config.minDecisions());
    }

    /** One pattern with its history and the confidence a diagnosis of it would carry now. */
    public record PatternView(String service, String alertType, String action, int approved, int rejected,
                              int overridden, int decisions, double baseConfidence, double confidence,
                              boolean adjusted, OffsetDateTime lastDecisionAt) {
    }

    /** The confidence of a fresh proposal of {@code pattern} whose rule says {@code base}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LearnedConfidence confidenceFor(Pattern pattern, double base) {
        if (!config.enabled() || pattern.alertType() == null) {
            return beta.apply(base, 0, 0, 0);
        }
        return LearnedPattern.find(pattern.service(), pattern.alertType(), pattern.action())
                .map(history -> beta.apply(base, history.approved, history.rejected, history.overridden))
                .orElseGet(() -> beta.apply(base, 0, 0, 0));
    }

    /** Remembers which diagnosis an approval request is about. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requested(ApprovalRequest request) {
        ApprovalSubject.remember(UUID.fromString(request.requestId()), UUID.fromString(request.incidentId()),
                uuidOrNull(request.diagnosisId()));
    }

    /**
     * Records the first decision on a request and, for APPROVE / REJECT / OVERRIDE, counts it against the
     * pattern of the diagnosis it judged.
     *
     * @return the recorded decision, or empty when the request already had one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<HumanDecision> decided(ApprovalDecision decision) {
        Optional<IssuedDiagnosis> judged = judgedDiagnosis(decision);
        HumanDecision row = new HumanDecision();
        row.requestId = UUID.fromString(decision.requestId());
        row.incidentId = UUID.fromString(decision.incidentId());
        row.decision = decision.decision();
        row.chosenAction = decision.action();
        row.actor = decision.actor();
        row.reason = decision.reason() != null ? decision.reason() : decision.feedback();
        row.decidedAt = decision.decidedAt();
        judged.ifPresent(d -> {
            row.diagnosisId = d.id;
            row.service = serviceOf(d.service, d.target);
            row.alertType = d.patternAlertType().orElse(null);
            row.action = d.action;
        });
        row.counted = COUNTED.contains(decision.decision()) && row.alertType != null;
        if (!row.insertIfFirst()) {
            LOG.debugf("Request %s already has a decision; %s by %s ignored", row.requestId, row.decision, row.actor);
            return Optional.empty();
        }
        if (row.counted) {
            LearnedPattern.count(new LearnedPattern.Key(row.service, row.alertType, row.action), row.decision,
                    judged.get().baseConfidence, row.decidedAt);
            LOG.infof("Learnt from %s by %s: pattern %s", row.decision, row.actor,
                    new Pattern(row.service, row.alertType, row.action).describe());
        } else if (judged.isEmpty()) {
            LOG.infof("Decision %s on request %s: no diagnosis of incident %s is known, nothing to learn",
                    row.decision, row.requestId, row.incidentId);
        }
        return Optional.of(row);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PatternView> patterns(String service) {
        return LearnedPattern.all(service).stream().map(p -> {
            LearnedConfidence learned = beta.apply(p.baseConfidence, p.approved, p.rejected, p.overridden);
            boolean adjusted = config.enabled() && learned.adjusted();
            return new PatternView(p.key.service, p.key.alertType.name(), p.key.action.name(), p.approved,
                    p.rejected, p.overridden, learned.decisions(), p.baseConfidence,
                    adjusted ? learned.confidence() : p.baseConfidence, adjusted, p.lastDecisionAt);
        }).toList();
    }

    public DiagnosisConfig.Learning config() {
        return config;
    }

    /** The logical service a pattern is kept under: the service when known, else the incident's target. */
    static String serviceOf(String service, String target) {
        if (service != null && !service.isBlank()) {
            return service;
        }
        return target == null || target.isBlank() ? "unknown" : target;
    }

    /** The diagnosis the request showed, else the incident's current one. */
    private static Optional<IssuedDiagnosis> judgedDiagnosis(ApprovalDecision decision) {
        ApprovalSubject subject = ApprovalSubject.findById(UUID.fromString(decision.requestId()));
        if (subject != null && subject.diagnosisId != null) {
            IssuedDiagnosis shown = IssuedDiagnosis.findById(subject.diagnosisId);
            if (shown != null) {
                return Optional.of(shown);
            }
        }
        IncidentCase incident = IncidentCase.findById(UUID.fromString(decision.incidentId()));
        if (incident == null || incident.currentDiagnosisId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(IssuedDiagnosis.findById(incident.currentDiagnosisId));
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
